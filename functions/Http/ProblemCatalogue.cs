namespace ECourt.Functions.Http;

/// <summary>
/// Every problem type the API answers (<c>urn:ecourt:problem:{name}</c>), with its title, the statuses it comes with and
/// what a client should do about it. The API document and its docs page publish this list; a contract test reads the
/// code for every type it raises and fails on one the catalogue lacks, and every problem an integration test receives
/// must be listed. The list is open: later stages add types, so a client treats an unknown type by its status.
/// </summary>
public static class ProblemCatalogue
{
    /// <param name="Name">the type's last part, after <see cref="ApiProblem.TypePrefix"/></param>
    /// <param name="Action">what a client (or its user) should do</param>
    public sealed record Entry(string Name, string Title, int[] Statuses, string Action)
    {
        public string Type => ApiProblem.TypePrefix + Name;
    }

    private const string Retry = "Do not retry unchanged.";

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        // The request itself.
        new("validation", "The request is not valid.", [400],
            "Correct each field errors names; the API document gives every field's constraints."),
        new("malformed", "The request could not be read.", [400],
            "Send the body the operation describes: a JSON object for JSON operations."),
        new("too-large", "Too large.", [413], "Send less: a JSON body is at most 1 MiB, a document at most its kind's limit."),
        new("unsupported-media-type", "Unsupported media type.", [415],
            "Send the media type the operation lists, with content that is what it says."),
        new("too-many-requests", "Too many requests.", [429], "Wait the Retry-After seconds, then retry."),
        new("record-too-large", "The record would be too large.", [422],
            "The case holds too much to take this change; ask the court's clerk."),
        new("idempotency-key-reused", "The Idempotency-Key was used for another request.", [422], "Use a new key for a different request."),
        new("idempotency-key-in-use", "A request with this Idempotency-Key is still running.", [409],
            "Retry after a moment: the first answer will be returned."),
        // Who is calling.
        new("unauthenticated", "Sign in first.", [401], "Send a Microsoft Entra access token for the court's API."),
        new("invalid-token", "The access token is not valid.", [401], "Get a new access token for the court's API and retry."),
        new("webhook-unauthenticated", "Not authenticated.", [401],
            "The provider's webhook must send the key or token it was configured with."),
        new("forbidden", "Not allowed.", [403], "The caller's role or relation to the case does not allow this. " + Retry),
        new("staff-court-unknown", "Your court is not known.", [403],
            "Ask the court's administrator to record your court for your account."),
        new("not-found", "Not found.", [404], "Check the id; what exists but may not be seen by the caller is answered the same."),
        new("link-invalid", "The link is not valid.", [403], "Open the document from the portal's inbox instead."),
        new("link-expired", "The link has expired.", [410], "Sign in to the portal and open the document from your inbox."),
        new("link-code-invalid", "The link code is not valid.", [422],
            "Check the case, the party and the code; after five wrong tries ask the court for a new code."),
        new("identity-not-verified", "Your identity is not verified as the party's.", [422],
            "Verify your real name with the identity provider, or ask the court's clerk to check your identity."),
        // The case's state.
        new("stale-if-match", "The case has changed.", [412], "Read the case again and retry with its new ETag."),
        new("transition-not-allowed", "The case's state does not allow this.", [409],
            "Read the case: its status says what may be done now."),
        new("case-closed", "The case is closed.", [409], "Nothing more can be filed in a closed case."),
        new("case-not-registered", "The case is not registered yet.", [409, 422],
            "Wait for the case to be registered (it has no number or account before)."),
        new("case-file-full", "The case file is full.", [422], "The case holds as many documents as it may; ask the court's clerk."),
        new("reconciliation-running", "The bank day is being reconciled.", [409], "Retry after the running reconciliation ends."),
        // Filing.
        new("filer-not-a-party", "The filer is not a party.", [422],
            "A filer files as a plaintiff or for one: name yourself or the party you act for."),
        new("filer-acts-for-both-sides", "The filer acts for both sides.", [422], "A filer acts for one side only."),
        new("parties-incomplete", "The parties are incomplete.", [422], "Name at least one plaintiff and one defendant (CPL art. 122)."),
        new("complaint-required", "A complaint is required.", [422], "Upload the complaint (kind complaint) before submitting."),
        new("defects-required", "The defects are required.", [422], "Name what the filer must correct."),
        new("one-correction-notice", "Corrections were asked already.", [422],
            "The defects of a filing are listed in one notice: accept or reject it now."),
        new("cure-deadline-passed", "The time to correct has passed.", [422],
            "The filing can no longer be corrected; it is decided as it stands."),
        new("reasons-required", "Reasons are required.", [422], "Give the decision's reasons."),
        new("unknown-court", "Unknown court.", [422], "Use a court code this deployment serves."),
        // Fees.
        new("amount-required", "An amount is required.", [422], "State the amount in dispute for a property case."),
        new("amount-negative", "The amount is negative.", [422], "State an amount of zero or more."),
        new("amount-over-precise", "The amount has more than two decimals.", [422], "Money has at most two decimals (fen)."),
        new("fee-aid-already-applied", "Fee aid was applied for already.", [422],
            "Wait for the judge's decision on the pending application."),
        new("no-pending-fee-aid", "No fee aid application is pending.", [422], "There is nothing to decide."),
        new("deferral-date-invalid", "The deferral date is not valid.", [422], "A deferral names a last day to pay after today."),
        new("reduced-amount-invalid", "The reduced amount is not valid.", [422],
            "Name the fee now due: more than 0.00 and less than the amount due."),
        new("already-ordinary-procedure", "The case is in ordinary procedure already.", [422], "Nothing to convert."),
        new("court-fee-figure-out-of-range", "The court's fee figure is out of range.", [422],
            "Use a figure within the range the detail names (Measures on Payment of Litigation Costs)."),
        // Calendars and deadlines.
        new("period-out-of-range", "The period is out of range.", [422], "Count a period within the bounds the detail gives."),
        new("calendar-year-out-of-range", "The year is out of range.", [422], "Publish a calendar for a year the court keeps."),
        new("calendar-notice-required", "The notice is required.", [422], "Name the State Council notice the arrangement comes from."),
        new("calendar-notice-date-late", "The notice is dated too late.", [422],
            "A notice for a year is dated before that year ends: check its date."),
        new("calendar-day-outside-year", "A day is outside the year.", [422],
            "Every holiday and working day falls in the calendar's year."),
        new("calendar-day-both", "A day is both a holiday and a working day.", [422], "List each day once."),
        new("calendar-day-repeated", "A day is listed twice.", [422], "List each day once."),
        new("calendar-holidays-overlap", "Holidays overlap.", [422], "Give holiday runs that do not overlap."),
        new("calendar-range-reversed", "A holiday run ends before it starts.", [422], "Give from before to."),
        new("calendar-holiday-run-too-long", "A holiday run is longer than any notice gives.", [422],
            "A holiday run is at most 14 days: check its dates."),
        new("calendar-national-not-published", "The year's national arrangement is not published.", [409],
            "Publish the national arrangement of the year before a regional one."),
        new("calendar-working-day-not-weekend", "A working day is not a weekend day.", [422],
            "An adjusted working day is a Saturday or Sunday."),
        // Parties and their accounts.
        new("party-already-linked", "The party's account is linked already.", [409],
            "Nothing to do; ask the court's clerk if the account is wrong."),
        new("agents-ad-litem-limit", "The party has as many agents as it may.", [422],
            "A party has at most two agents ad litem (CPL art. 61); the detail says who they are."),
        new("no-prior-contract-consent-to-confirm", "No prior-contract consent awaits confirmation.", [409], "Nothing to confirm."),
        // Service of process.
        new("served-kind-must-match-document", "The served kind does not match the document.", [422],
            "Serve the document as the kind it is."),
        new("service-not-by-post", "The service is not by post.", [409], "Record postal results only for service by post."),
        new("postal-result-before-mailing", "The postal result is dated before the mailing.", [422], "Check the dates."),
        new("postal-result-out-of-order", "The postal result is out of order.", [409],
            "Record the mailing first, then the receipt or the return."),
        new("public-notice-needs-ordinary-procedure", "Public notice needs ordinary procedure.", [422],
            "Convert the case to ordinary procedure first (small claims are not served by notice)."),
        new("public-notice-other-means-not-exhausted", "Other means of service are not exhausted.", [422],
            "Try the other means first (CPL art. 95)."),
        new("public-notice-needs-reasons", "Public notice needs reasons.", [422], "Give the reasons other means failed."),
        // Assignment.
        new("assignment-not-open", "The case is not open for assignment.", [422],
            "A case is assigned once it is accepted (fee settled or waived) and while it is open."),
        new("assignee-not-eligible", "Not an active judge or clerk of the division that hears the case.", [422],
            "Name active members of the division, registered in the staff registry with the role."),
        new("already-assigned", "The case is assigned to this judge and clerk already.", [422], "Nothing to do."),
        // Payments.
        new("suspense-already-claimed", "The deposit is claimed already.", [409, 422], "Read the deposit: it belongs to another case."),
        new("suspense-reservation-released", "The reservation was released.", [409], "Read the deposit again before claiming it."),
        // Evidence.
        new("evidence-period-ordinary-minimum", "The period of proof is too short for ordinary procedure.", [422],
            "Set at least 15 days from the day after it is set (CPL Interpretation art. 99)."),
        new("evidence-period-simplified-maximum", "The period of proof is too long for simplified procedure.", [422],
            "Set at most 15 days (CPL Interpretation art. 266)."),
        new("evidence-period-small-claims-maximum", "The period of proof is too long for a small-claims case.", [422],
            "Set at most 7 days (CPL Interpretation art. 275)."),
        new("evidence-period-already-set", "The period of proof is set already.", [422],
            "It is lengthened only by an extension a party applies for (CPL Interpretation art. 100)."),
        new("evidence-period-not-set", "The period of proof is not set.", [422], "Wait for the judge to set it."),
        new("evidence-period-extension-too-late", "The period of proof has ended.", [422],
            "An extension is applied for before the period ends (CPL Interpretation art. 100); evidence now is late."),
        new("evidence-documents-required", "An item of evidence needs a document.", [422],
            "Upload the evidence (kind evidence) and name its documents."),
        new("evidence-document-kind-required", "The document is not evidence.", [422], "Upload evidence with the kind evidence."),
        new("evidence-document-already-submitted", "The document is in an item of evidence already.", [409],
            "Each document goes into one item: upload it again for another item, or read the item it is in."),
        new("evidence-exchange-window-empty", "The exchange closes before it opens.", [422], "Give a closing time after the opening."),
        new("evidence-exchange-window-passed", "The exchange would be over already.", [422], "Give a closing time ahead."),
        new("evidence-exchange-synchronous-sitting", "A synchronous exchange is one sitting.", [422],
            "Give a window of at most a day, or order an asynchronous exchange (Online Litigation Rules art. 14)."),
        new("evidence-exchange-orders-limit", "The case has as many exchange orders as it may keep.", [422],
            "Hold the cross-examination at the hearing."),
        new("cross-examination-own-evidence", "This is your own side's evidence.", [422],
            "Cross-examine the other side's evidence (CPL Interpretation art. 103)."),
        new("cross-examination-outside-window", "No exchange is open.", [422],
            "File opinions within the window of an exchange the judge ordered (Online Litigation Rules art. 14)."),
        new("cross-examination-opinion-filed", "The party's opinion on this item is filed already.", [409],
            "One opinion per party and item: read it in the evidence list."),
        new("evidence-not-late", "The evidence is not late.", [422], "Rule on late evidence only (CPL Interpretation arts. 101–102)."),
        new("late-evidence-already-ruled", "The late evidence is ruled on already.", [409], "Read the ruling in the evidence list."),
        new("extension-already-decided", "The extension is decided already.", [409], "Read the case's period of proof."),
        // Hearings.
        new("hearing-in-past", "The hearing would start in the past.", [422], "Give a start after now (court time)."),
        new("hearing-notice-too-short", "The summons cannot reach the parties 3 days before the hearing.", [422],
            "In ordinary procedure start the hearing after the 3 whole days that follow today (CPL art. 139; Interpretation art. 227)."),
        new("hearing-courtroom-required", "A hearing in court needs its courtroom.", [422], "Name the courtroom, or hold it online."),
        new("closed-hearing-not-streamed", "A closed hearing is not streamed.", [422],
            "Stream only a public hearing (CPL art. 137)."),
        new("hearing-already-scheduled", "A hearing is scheduled already.", [422], "Postpone or cancel it rather than schedule another."),
        new("too-many-hearings", "The case has as many hearings as it may keep.", [422], "Ask the court."),
        new("hearing-not-scheduled", "The hearing is no longer as summoned.", [422],
            "Read the case's hearings: postpone, cancel or record the hearing that is scheduled."),
        new("hearing-not-yet-held", "The hearing has not started.", [422], "Record it once it is held."),
        new("hearing-record-not-held", "Only a hearing held is recorded.", [422], "Postpone or cancel a hearing that was not held."),
        new("attendance-incomplete", "The attendance does not list every party once.", [422], "List each party of the case once."),
        new("minutes-document-not-found", "The minutes are not in the case.", [422],
            "Upload the minutes with the kind minutes, then name the document."),
        new("minutes-document-kind-required", "The document is not the minutes.", [422], "Upload the minutes with the kind minutes."),
        new("hearing-already-recorded", "The hearing is recorded already.", [409], "Read the case's hearings."),
        new("hearing-not-online", "The hearing is held in court.", [422], "Come to the courtroom the summons names."),
        new("hearing-not-summoned", "You are not summoned to this hearing.", [422], "Only a summoned party or its lawyer joins."),
        new("hearing-join-not-open", "The link is given on the hearing's day.", [422], "Ask again on the day of the hearing."),
        new("online-hearing-identity-not-verified", "Your identity is not verified for this hearing.", [422],
            "Verify your identity again in the app, then ask for the link (Online Litigation Rules art. 7)."),
        // The court's side.
        new("internal", "The court's system failed.", [500], "Retry later: what the request did can safely be retried."),
        new("document-integrity", "The document failed its integrity check.", [500],
            "The document is withheld; the court's IT is alerted. Ask the court."),
    ];

    private static readonly Dictionary<string, Entry> ByName = Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static Entry? Find(string name) => ByName.GetValueOrDefault(name);
}
