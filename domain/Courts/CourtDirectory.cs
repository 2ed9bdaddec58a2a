
namespace ECourt.Domain.Courts;

/// <summary>The courts this deployment serves (one court or a court group) and its default court.</summary>
public sealed class CourtDirectory
{
    private readonly Dictionary<string, Court> _courts;

    public CourtDirectory(IEnumerable<Court> courts, string defaultCourt)
    {
        _courts = courts.ToDictionary(c => c.Code, StringComparer.Ordinal);
        // A case account names its court by the prefix (VirtualAccountNumber): two courts with one prefix would share accounts.
        if (_courts.Values.GroupBy(c => c.SettlementAccountPrefix).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw new ArgumentException($"Courts {string.Join(" and ", shared.Select(c => c.Code))} share the settlement account prefix "
                + $"{shared.Key}: each court's case accounts need a prefix of its own.");
        if (!_courts.ContainsKey(defaultCourt))
            throw new ArgumentException($"The default court {defaultCourt} is not among the configured courts.");
        DefaultCourt = _courts[defaultCourt];
    }

    public Court DefaultCourt { get; }

    public IEnumerable<Court> All => _courts.Values;

    public bool TryGet(string? code, out Court court)
    {
        court = null!;
        return code is not null && _courts.TryGetValue(code, out court!);
    }

    /// <summary>
    /// The court whose settlement account the number is under: a case account starts with its court's prefix
    /// (<see cref="Payments.VirtualAccountNumber"/>); null for a number in no served court's range.
    /// </summary>
    public Court? ByAccountNumber(string? accountNumber) =>
        accountNumber is null
            ? null
            : _courts.Values.FirstOrDefault(c => accountNumber.StartsWith(c.SettlementAccountPrefix, StringComparison.Ordinal));

    public Court Get(string code) => TryGet(code, out var court)
        ? court
        : throw new DomainRuleException("unknown-court", $"The court {code} is not served by this deployment.", "court");

    /// <summary>The Harbin Intermediate People's Court, the local host's default court.</summary>
    public static Court Harbin { get; } = new(
        "黑01",
        "黑龙江省哈尔滨市中级人民法院",
        "62170001",
        new CourtFeeFigures(new DateOnly(2007, 4, 1), divorce: 200m, personality: 300m, otherNonProperty: 80m,
            intellectualPropertyNoAmount: 800m, jurisdictionObjection: 80m, enforcementNoAmount: 300m),
        new CourtLocalRules(CorrectionCureDays: 15, FeeGraceWorkingDays: 1));

    /// <summary>The Harbin Daoli District People's Court, a basic court in the same group.</summary>
    public static Court HarbinDaoli { get; } = new(
        "黑0102",
        "黑龙江省哈尔滨市道里区人民法院",
        "62170002",
        new CourtFeeFigures(new DateOnly(2007, 4, 1), divorce: 200m, personality: 300m, otherNonProperty: 80m,
            intellectualPropertyNoAmount: 800m, jurisdictionObjection: 80m, enforcementNoAmount: 300m),
        new CourtLocalRules(CorrectionCureDays: 15, FeeGraceWorkingDays: 1));

    public static CourtDirectory HarbinGroup { get; } = new([Harbin, HarbinDaoli], Harbin.Code);
}
