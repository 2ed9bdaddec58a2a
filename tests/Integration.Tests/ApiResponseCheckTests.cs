using System.Text;

namespace ECourt.Integration.Tests;

/// <summary>The check every answer of these tests passes (ApiResponseCheck) refuses what does not fit the API document.</summary>
public class ApiResponseCheckTests
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private const string Quote = """
        {"caseType":"property","amount":"100000.00","procedure":"ordinary","court":"黑01","fee":"2300.00","basis":"Measures art. 13(1)"}
        """;

    [Fact]
    public void AnswerThatFits_NoProblems_WrongTypeMissingFieldUndocumentedStatusOrMissingHeader_Named()
    {
        var fits = ApiResponseCheck.Problems("FeeQuote", "GET", 200, "application/json; charset=utf-8", Utf8(Quote));
        Assert.True(fits.Count == 0, string.Join("\n", fits));
        var feeAsNumber = Utf8(Quote.Replace("\"2300.00\"", "2300.00"));
        Assert.Contains(ApiResponseCheck.Problems("FeeQuote", "GET", 200, "application/json", feeAsNumber),
            p => p.Contains("/fee", StringComparison.Ordinal));
        Assert.NotEmpty(ApiResponseCheck.Problems("FeeQuote", "GET", 200, "application/json", Utf8("""{"caseType":"property"}""")));
        var undocumented = ApiResponseCheck.Problems("FeeQuote", "GET", 404, "application/problem+json", Utf8("{}"));
        Assert.Contains("does not list", Assert.Single(undocumented));
        var withoutETag = ApiResponseCheck.Problems("GetLedger", "GET", 200, "application/json", Utf8("{}"), ["Content-Type"]);
        Assert.Contains("ETag", Assert.Single(withoutETag));
    }
}
