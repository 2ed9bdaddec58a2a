namespace ECourt.Testing;

/// <summary>The court's clock in tests: set to any instant, forwards or back, by the test that owns the host.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void SetUtcNow(DateTimeOffset now) => _now = now;
}
