namespace ECourt.Domain.Cases;

/// <summary>
/// What a stage (or a shared concept) contributes to the case core: its rows of the transition table, its summary
/// parts of the snapshot, the deadlines it has pending on a case, the kinds of deadline the lifecycle keeps for it
/// (each has a handler in the application layer). The core calls every module and knows none of them.
/// </summary>
public interface ICaseModule
{
    string Name { get; }

    IEnumerable<CaseAction> Actions { get; }

    IEnumerable<CasePart> Parts { get; }

    /// <summary>The kinds of <see cref="PendingDeadline"/> with a <see cref="PendingDeadline.KeepAt"/> that this module yields.</summary>
    IEnumerable<string> KeptDeadlineKinds { get; }

    /// <summary>
    /// The module's deadlines pending on the case as of <paramref name="now"/> (court time), counted where needed on the
    /// court calendar as it now stands (<paramref name="deadlines"/>).
    /// </summary>
    IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines);

    /// <summary>
    /// The case with the module's stored deadlines counted again by <paramref name="reckoning"/> (an arrangement was
    /// published); a module that stores none returns the case as it is.
    /// </summary>
    CourtCase Recompute(CourtCase c, Calendar.DeadlineReckoning reckoning);
}
