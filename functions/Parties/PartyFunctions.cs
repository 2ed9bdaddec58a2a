using System.Globalization;
using System.Text.Json.Serialization;
using ECourt.Application.Parties;
using ECourt.Domain.Calendar;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Parties;

/// <summary>
/// Parties' accounts: the holder links its account to a party with the party's link code and a verified identity; the
/// clerk records identity checks, issues a party's next link code, accepts a representative's power of attorney, and
/// confirms a consent to electronic service asserted by a prior contract.
/// </summary>
public sealed class PartyFunctions(ApiEndpoint endpoint, LinkPartyAccount link, PartyAccountsByClerk clerk, ChooseOnlineProceedings online,
    CaseViews views)
{
    /// <param name="Code">for the clerk to give the party by post or in person; it is not stored in readable form</param>
    public sealed record LinkCodeView(int PartyNumber, string Code, DateTimeOffset ExpiresAt);

    /// <summary>Where a link stands; nothing of the case, which a representative the clerk has not accepted may not see (GET the case
    /// once it may).</summary>
    public sealed record PartyLinkView(string CaseId, int PartyNumber, PartyLinkStatus Status);

    public enum PartyLinkStatus
    {
        /// <summary>The account is the party's own.</summary>
        [JsonStringEnumMemberName("linked")]
        Linked,
        /// <summary>The account acts for the party once a clerk accepts its power of attorney.</summary>
        [JsonStringEnumMemberName("awaiting-acceptance")]
        AwaitingAcceptance,
    }

    private static int PartyNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 999
            ? n
            : throw new Application.Cases.NotFoundException("such party");

    [ApiOperation("parties",
        "Link the caller's account to a party of a registered case with the party's link code, as the party or as one who acts for it.",
        Request = typeof(PartyLinkRequest), Response = typeof(PartyLinkView), Problems = [400, 401, 403, 409, 415, 422],
        Idempotent = true,
        Description = "A party or lawyer links its own account to a party of a registered case with the link code the court sent the "
            + "party (SPC Online Litigation Rules arts. 7, 10). As the party itself the account needs a verified identity that is the "
            + "party's (the identity provider's real-name claims or a clerk's recorded check) and is `linked`; as a representative it is "
            + "`awaiting-acceptance` until a clerk accepts its power of attorney, and sees nothing of the case before. A wrong case, "
            + "party or code is answered alike (422 link-code-invalid); after five wrong tries ask the court for a new code.")]
    [Function("LinkPartyAccount")]
    public Task<IActionResult> Link([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/party-link")] HttpRequest req,
        string caseId) =>
        endpoint.SignedIn(req, "LinkPartyAccount", async caller =>
        {
            var outcome = await link.RunAsync(caseId, caller, await RequestBody.ReadJsonAsync<PartyLinkRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(new PartyLinkView(caseId, outcome.PartyNumber,
                outcome.Linked ? PartyLinkStatus.Linked : PartyLinkStatus.AwaitingAcceptance));
        });

    [ApiOperation("parties", "The clerk records a check of an account's identity for a party (how, and whether it passed).",
        Request = typeof(IdentityCheckRequest), Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true, Headers = ["ETag"],
        Description = "A clerk of the case's court records a check of an account's identity for a party where the identity provider "
            + "verifies none (in person with the identity document, by video): how it was checked and whether it passed (SPC Online "
            + "Litigation Rules art. 7). A passed check lets that account link itself to the party with the party's link code; the event "
            + "names the party, not the account.")]
    [Function("RecordIdentityCheck")]
    public Task<IActionResult> IdentityCheck(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/parties/{partyNumber}/identity-checks")] HttpRequest req,
        string caseId, string partyNumber) =>
        endpoint.OnCase(req, "RecordIdentityCheck", caseId, async grant => CaseFunctions.Answer(views, grant,
            await clerk.RecordIdentityCheckAsync(grant, PartyNumber(partyNumber),
                await RequestBody.ReadJsonAsync<IdentityCheckRequest>(req),
                req.HttpContext.RequestAborted)));

    [ApiOperation("parties", "The clerk issues the party's next link code (the last used, expired or tried wrongly too often).",
        Response = typeof(LinkCodeView), Problems = [401, 403, 404, 409],
        Description = "A clerk of the case's court issues a party's next link code when the last one was used, expired or tried wrongly "
            + "too often; the earlier code stops working. The code is in this answer only (Cache-Control: no-store) and is not stored "
            + "readably: give it to the party by post or in person before `expiresAt`. 409 before registration or once the party's "
            + "account is linked.")]
    [Function("IssueLinkCode")]
    public Task<IActionResult> LinkCode(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/parties/{partyNumber}/link-code")] HttpRequest req,
        string caseId, string partyNumber) =>
        endpoint.OnCase(req, "IssueLinkCode", caseId, async grant =>
        {
            var issued = await clerk.IssueLinkCodeAsync(grant, PartyNumber(partyNumber), req.HttpContext.RequestAborted);
            return new ApiResult(new LinkCodeView(issued.PartyNumber, issued.Code, ChinaTime.ToChinaTime(issued.ExpiresAt)))
                .WithHeader("Cache-Control", "no-store");
        });

    [ApiOperation("parties", "The clerk accepts the power of attorney of an account that asked to act for a party; it then acts for it.",
        Request = typeof(RepresentativeAcceptanceRequest), Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true, Headers = ["ETag"],
        Description = "A clerk of the case's court accepts the power of attorney of an account that presented a party's link code as its "
            + "representative, naming the uploaded power-of-attorney document. From then on the account acts for that party and sees the "
            + "case as the party does; a party has at most two agents ad litem (CPL art. 61; 422 agents-ad-litem-limit).")]
    [Function("AcceptRepresentative")]
    public Task<IActionResult> AcceptRepresentative(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "cases/{caseId}/parties/{partyNumber}/representatives/{userId}/acceptance")]
        HttpRequest req, string caseId, string partyNumber, string userId) =>
        endpoint.OnCase(req, "AcceptRepresentative", caseId, async grant => CaseFunctions.Answer(views, grant,
            await clerk.AcceptRepresentativeAsync(grant, PartyNumber(partyNumber), Uri.UnescapeDataString(userId),
                await RequestBody.ReadJsonAsync<RepresentativeAcceptanceRequest>(req), req.HttpContext.RequestAborted)));

    [ApiOperation("parties",
        "The clerk confirms a consent to electronic service by a prior contract, having checked its clause and address.",
        Request = typeof(ConsentConfirmationRequest), Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 415],
        Idempotent = true, Headers = ["ETag"],
        Description = "A clerk of the case's court confirms a party's consent to electronic service that the plaintiff claimed from a "
            + "contract made before the dispute (`consentSource` prior-contract), naming the uploaded contract whose clause and address "
            + "the clerk checked (CPL art. 90). Until then that address is not used to serve the party electronically; 409 when no such "
            + "consent awaits confirmation.")]
    [Function("ConfirmContractConsent")]
    public Task<IActionResult> ConfirmConsent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "cases/{caseId}/parties/{partyNumber}/consent-confirmation")] HttpRequest req,
        string caseId, string partyNumber) =>
        endpoint.OnCase(req, "ConfirmContractConsent", caseId, async grant => CaseFunctions.Answer(views, grant,
            await clerk.ConfirmContractConsentAsync(grant, PartyNumber(partyNumber),
                await RequestBody.ReadJsonAsync<ConsentConfirmationRequest>(req),
                req.HttpContext.RequestAborted)));

    [ApiOperation("parties", "A party chooses to take part in an evidence exchange, hearing or mediation online or offline.",
        Request = typeof(OnlineConsentRequest), Response = typeof(OnlineChoiceView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "A party, or one who acts for it, gives or withdraws its consent to take part in one activity online (SPC Online "
            + "Litigation Rules arts. 4–5): consent is per party and per activity, never presumed. Online needs the party's account "
            + "linked to the case (art. 10; 422 online-consent-needs-linked-account). Another party's choice is 403.")]
    [Function("ChooseOnlineProceedings")]
    public Task<IActionResult> ChooseOnline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/parties/{partyNumber}/online-consent")] HttpRequest req,
        string caseId, string partyNumber) =>
        endpoint.OnCase(req, "ChooseOnlineProceedings", caseId, async grant => new ApiResult(OnlineChoiceView.From(
            await online.RunAsync(grant, PartyNumber(partyNumber), await RequestBody.ReadJsonAsync<OnlineConsentRequest>(req),
                req.HttpContext.RequestAborted))));
}
