using ECourt.Bench;

// Benchmarks run against the Azurite that bench/run starts (ECOURT_TEST_STORAGE), each with its
// baseline measured in the same run.
//   bench/run [filings] [concurrency]   filing throughput (default 2000 at 16)
//   … --keys                            (filings, phases) each step sends an Idempotency-Key of its own
//   bench/run ops                       Azurite's rate for each kind of storage call at concurrency 16
//   bench/run phases                    allocation, requests and CPU per step of a filing, one at a time
//   bench/run engine [instances]        the in-memory durable engine at the machine's processor count and raised
//   bench/run credits [n] [cases]       bank-credit ingest through the handler (default 10000 over 1000 cases)
//   bench/run evidence [items] [bytes] [rounds]  verify a case's evidence chain (default 1000 items of 10000 bytes, 9 rounds)
//   bench/run anonymise [judgments] [chars] [rounds]  anonymise judgments in memory (default 1000 of about 4400 characters, 9 rounds)
//   bench/run search [judgments] [upserts] [queries] [rounds]  the embedded judgment search on disk (default 10000, 500, 200, 3)
//   bench/run inquiries [cases] [banks]  asset inquiries fanned out to the banks, replies through the handler (default 500 × 20)
var keys = args.Contains("--keys");
args = args.Where(a => a != "--keys").ToArray();
if (args.Length > 0 && args[0] == "ops") { await OpCosts.RunAsync(2000, 16); return 0; }
if (args.Length > 0 && args[0] == "phases") { await PhaseCosts.RunAsync(300, keys); return 0; }
if (args.Length > 0 && args[0] == "engine") { await EngineConcurrency.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100); return 0; }
if (args.Length > 0 && args[0] == "credits")
{
    await CreditIngest.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 1000, 16);
    return 0;
}
if (args.Length > 0 && args[0] == "evidence")
{
    await EvidenceVerify.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 10_000,
        rounds: args.Length > 3 ? int.Parse(args[3]) : 9);
    return 0;
}
if (args.Length > 0 && args[0] == "anonymise")
{
    Anonymise.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 4400,
        args.Length > 3 ? int.Parse(args[3]) : 9);
    return 0;
}
if (args.Length > 0 && args[0] == "search")
{
    await SearchBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 500,
        args.Length > 3 ? int.Parse(args[3]) : 200, args.Length > 4 ? int.Parse(args[4]) : 3);
    return 0;
}
if (args.Length > 0 && args[0] == "inquiries")
{
    await InquiryFanOut.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 500, args.Length > 2 ? int.Parse(args[2]) : 20);
    return 0;
}
if (args.Length > 0 && args[0] == "engine-child") { await EngineConcurrency.ChildAsync(int.Parse(args[1])); return 0; }
var filings = args.Length > 0 ? int.Parse(args[0]) : 2000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var result = await FilingThroughput.RunAsync(filings, concurrency, warmup: Math.Min(100, filings / 10), keys);
Console.WriteLine(result.ToMarkdown());
var path = Path.Combine(AppContext.BaseDirectory, "filing-throughput.md");
File.WriteAllText(path, result.ToMarkdown());
Console.Error.WriteLine($"written to {path}");
return result.MeetsTargets ? 0 : 2;
