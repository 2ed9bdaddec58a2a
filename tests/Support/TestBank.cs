using System.Collections.Concurrent;
using ECourt.Application.Enforcement;
using ECourt.Domain.Enforcement;

namespace ECourt.Testing;

/// <summary>
/// The banks as a test sees them: every request the court sends is recorded (the topic bank-requests, as its subscriptions would
/// deliver it), and the test answers through the court's own bank-replies handler with the JSON a bank sends. A send can be made to
/// fail after the bank took the request, as a connection lost before the court heard back would.
/// </summary>
public sealed class TestBank : IBankRequestSender
{
    private readonly ConcurrentQueue<BankRequest> _sent = new();
    private int _failAfterTaking;

    /// <summary>Every request sent, in order, repeats included (the same request id sent again).</summary>
    public IReadOnlyList<BankRequest> Sent => [.. _sent];

    /// <summary>The next <paramref name="sends"/> sends reach the bank and then fail, as a connection lost afterwards.</summary>
    public void FailAfterTaking(int sends) => Interlocked.Exchange(ref _failAfterTaking, sends);

    public Task SendAsync(BankRequest request, CancellationToken ct = default)
    {
        _sent.Enqueue(request);
        if (Interlocked.Decrement(ref _failAfterTaking) >= 0)
            throw new IOException($"The connection was lost after the bank took request {request.RequestId}.");
        Interlocked.Exchange(ref _failAfterTaking, 0);
        return Task.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> distinct requests matching <paramref name="which"/> were sent.</summary>
    public Task<IReadOnlyList<BankRequest>> WaitForAsync(Func<BankRequest, bool> which, int count = 1, string what = "requests") =>
        CourtSteps.WaitUntilAsync(() => Task.FromResult<IReadOnlyList<BankRequest>>(
                Sent.Where(which).DistinctBy(r => r.RequestId).ToList()),
            found => found.Count >= count, $"{count} {what} sent to the banks");
}
