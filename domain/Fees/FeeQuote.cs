using ECourt.Domain.Cases;

namespace ECourt.Domain.Fees;

/// <summary>A fee with the legal basis it was computed under.</summary>
public sealed record FeeQuote(FeeCaseType CaseType, decimal? Amount, Procedure Procedure, decimal Fee, string Basis);
