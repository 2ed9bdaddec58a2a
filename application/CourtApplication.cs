using ECourt.Application.Answer;
using ECourt.Application.Assignment;
using ECourt.Application.Calendar;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Enforcement;
using ECourt.Application.Evidence;
using ECourt.Application.Fees;
using ECourt.Application.Filing;
using ECourt.Application.Hearings;
using ECourt.Application.Judgments;
using ECourt.Application.Parties;
using ECourt.Application.Payments;
using ECourt.Application.Publication;
using ECourt.Application.Requests;
using ECourt.Application.ServiceOfProcess;
using ECourt.Application.TrialLimit;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Application;

/// <summary>
/// The use cases of every stage, registered by one method per stage (…Registration.cs in the stage's folder); a new
/// stage adds its method and one line in <see cref="AddCourtApplication"/>. The ports they need are registered by the
/// adapters' Add… methods and the host.
/// </summary>
public static class CourtApplication
{
    public static IServiceCollection AddCourtApplication(this IServiceCollection services) => services
        .AddRequests()
        .AddCases()
        .AddCalendar()
        .AddParties()
        .AddDocuments()
        .AddFiling()
        .AddFees()
        .AddPayments()
        .AddServiceOfProcess()
        .AddAssignment()
        .AddTrialLimit()
        .AddAnswer()
        .AddEvidence()
        .AddHearings()
        .AddJudgments()
        .AddPublication()
        .AddEnforcement();
}
