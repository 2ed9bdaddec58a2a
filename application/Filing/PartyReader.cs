using System.Text.RegularExpressions;
using ECourt.Application.Cases;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Filing;
using ECourt.Domain.Parties;

namespace ECourt.Application.Filing;

/// <summary>
/// Turns the parties of a filing into domain parties, checking identity documents, contact details
/// and representatives. Consent to electronic service and service addresses count as given by the
/// party only when the filer is that party or acts for it; addresses given for anyone else are
/// recorded unconfirmed (the court found them). A phone or email given with consent is an address
/// for electronic service.
/// </summary>
public static partial class PartyReader
{
    /// <summary>
    /// The parties one complaint names; a request declares it (<see cref="FilingRequest"/>), as it does every bound below.
    /// </summary>
    public const int MaxParties = 50;

    /// <summary>
    /// Addresses for service a filing gives for one party: one of each channel. Each party's details are kept in the
    /// case's snapshot, so every list and text here has a bound (a case at all of them fits its row: LargestCaseTests).
    /// </summary>
    public const int MaxServiceAddresses = 3;

    /// <summary>A postal address: province to door number, with room to spare.</summary>
    public const int MaxAddressChars = 200;

    /// <summary>An email address: RFC 5321's limit on a path (256), less its angle brackets.</summary>
    public const int MaxEmailChars = 254;

    /// <summary>
    /// Only the filer's own account is linked by a filing (on a party of its side: Filer.Check); any other party's account
    /// is linked by its holder (SPC Online Litigation Rules arts. 7 and 10).
    /// </summary>
    public const string OwnAccountOnly =
        "Give only your own account: a party's platform account is linked by its holder with the party's link code once the case is registered "
        + "(SPC Online Litigation Rules arts. 7, 10).";

    /// <summary>The filer's own account on a defendant or third party (or one who acts for it): a filer acts for one side only.</summary>
    public const string OwnSideOnly =
        "Your own account can be named only on a plaintiff or one who acts for a plaintiff: a filer acts for one side only "
        + "(Lawyers Law art. 39); a defendant's or third party's account is linked by its holder.";

    public static List<Party> Read(List<PartyRequest?>? requests, CourtUser filer, DateTimeOffset at, Validation v)
    {
        var parties = new List<Party>();
        if (requests is null || requests.Count < 2)
        {
            v.Add("parties", "A complaint names at least one plaintiff and one defendant.");
            return parties;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            var f = $"parties[{i}]";
            if (requests[i] is not { } p) { v.Add(f, "A party is an object."); continue; }
            if (Read(p, i + 1, f, filer, at, v) is { } party) parties.Add(party);
        }
        return parties;
    }

    private static Party? Read(PartyRequest p, int number, string f, CourtUser filer, DateTimeOffset at, Validation v)
    {
        var filerId = filer.Id;
        var okRole = v.Check(WireNames.TryParse<PartyRole>(p.Role, out var role), f + ".role", WireNames.OneOf<PartyRole>());
        var okKind = v.Check(WireNames.TryParse<PartyKind>(p.Kind, out var kind), f + ".kind", WireNames.OneOf<PartyKind>());
        var name = v.Text(p.Name, f + ".name");
        IdentityDocumentType? idType = null;
        string? idNumber = null, creditCode = null;
        if (okKind && kind == PartyKind.Person)
        {
            var t = IdentityDocumentType.ResidentId;
            if (v.Check(string.IsNullOrEmpty(p.IdType) || WireNames.TryParse(p.IdType, out t), f + ".idType",
                WireNames.OneOf<IdentityDocumentType>()))
            {
                idType = t;
                if (p.IdNumber is not null || role == PartyRole.Plaintiff)
                {
                    idNumber = p.IdNumber?.Trim().ToUpperInvariant();
                    if (t.Problem(idNumber) is { } problem) v.Add(f + ".idNumber", problem);
                }
            }
        }
        else if (okKind)
        {
            if (p.CreditCode is not null || role == PartyRole.Plaintiff)
            {
                creditCode = p.CreditCode?.Trim();
                if (UnifiedSocialCreditCode.Problem(creditCode) is { } problem) v.Add(f + ".creditCode", problem);
            }
        }
        var phoneOk = p.Phone is null
            || v.Check(MobilePattern().IsMatch(p.Phone), f + ".phone", "A mobile number has 11 digits starting 1[3-9].");
        var emailOk = p.Email is null || v.Check(IsEmail(p.Email), f + ".email", "Not an email address.");
        var address = v.Text(p.Address, f + ".address", required: false);
        var userId = v.Text(p.UserId, f + ".userId", required: false);
        PartyRole? side = okRole ? role : null;
        if (userId is not null) OwnAccount(userId, f + ".userId", side, filerId, v);

        var representatives = new List<Representative>();
        for (var j = 0; j < (p.Representatives?.Count ?? 0); j++)
        {
            if (ReadRepresentative(p.Representatives![j], f + $".representatives[{j}]", null, side, filerId, v) is { } r)
                representatives.Add(r);
        }
        if (AgentsAdLitem.Problem(representatives) is { } tooMany) v.Add(f + ".representatives", tooMany);
        var minor = p.Minor ?? false;
        if (p.Guardian is not null
            && ReadRepresentative(p.Guardian, f + ".guardian", RepresentativeKind.Guardian, side, filerId, v) is { } g)
            representatives.Add(g);
        else if (minor) v.Add(f + ".guardian", "A minor acts through a guardian (CPL art. 60).");
        if (p.LegalRepresentative is not null)
        {
            if (okKind && kind != PartyKind.Organisation)
                v.Add(f + ".legalRepresentative", "Only an organisation has a legal representative.");
            else if (ReadRepresentative(p.LegalRepresentative, f + ".legalRepresentative",
                RepresentativeKind.LegalRepresentative, side, filerId, v) is { } lr)
                representatives.Add(lr);
        }

        // What the filer says counts as this party's own statement only when the filer is the party or its representative;
        // a filer acting for both sides is refused with the filing (Filer.Check), so this is the party's own side.
        var actsForItself = (userId is not null && userId == filerId) || representatives.Any(r => r.MayActFor(filerId));
        ElectronicServiceConsent? consent = null;
        if (p.ElectronicServiceConsent == true)
        {
            ConsentSource? source = p.ConsentSource is null
                ? ConsentSource.Express
                : WireNames.TryParse<ConsentSource>(p.ConsentSource, out var s) ? s : null;
            if (source is null) v.Add(f + ".consentSource", WireNames.OneOf<ConsentSource>());
            else if (!actsForItself && source != ConsentSource.PriorContract)
                v.Add(f + ".electronicServiceConsent",
                    "Only the party or its representative can consent for it; "
                    + "for another party, name a prior contract (consentSource prior-contract).");
            else consent = new ElectronicServiceConsent(source.Value, at, filerId);
        }

        var addresses = new List<ServiceAddress>();
        for (var j = 0; j < (p.ServiceAddresses?.Count ?? 0); j++)
        {
            var af = f + $".serviceAddresses[{j}]";
            if (p.ServiceAddresses![j] is not { } a) { v.Add(af, "An address is an object."); continue; }
            ServiceChannel? channel = WireNames.TryParse<ServiceChannel>(a.Channel, out var c) ? c : null;
            if (channel is null) { v.Add(af + ".channel", WireNames.OneOf<ServiceChannel>()); continue; }
            var ok = channel switch
            {
                ServiceChannel.Sms => a.Address is not null && MobilePattern().IsMatch(a.Address),
                ServiceChannel.Email => a.Address is not null && IsEmail(a.Address),
                _ => !string.IsNullOrWhiteSpace(a.Address) && a.Address.Length <= MaxAddressChars,
            };
            if (!v.Check(ok, af + ".address", "The address does not fit its channel.")) continue;
            Given(channel.Value, a.Address!.Trim());
        }
        // A phone or email given in the filing with consent is an electronic address for service (CPL art. 90: an
        // address given in a pleading), and the party's own address in its own filing an address it gave for post.
        if (consent is not null)
        {
            if (p.Phone is not null && phoneOk) Given(ServiceChannel.Sms, p.Phone);
            if (p.Email is not null && emailOk) Given(ServiceChannel.Email, p.Email.Trim());
        }
        if (actsForItself && address is not null && !addresses.Any(a => a.Channel == ServiceChannel.Postal))
            Given(ServiceChannel.Postal, address);

        // Confirmed when the party gave it itself; for any other party the address is one the court found.
        void Given(ServiceChannel channel, string value)
        {
            if (!addresses.Any(a => a.Channel == channel && a.Address == value))
                addresses.Add(new ServiceAddress(channel, value, actsForItself ? at : null, actsForItself ? filerId : null));
        }

        if (!okRole || !okKind || name is null) return null;
        var party = new Party(number, role, kind, name, idType, idNumber, creditCode, p.Phone, p.Email, address, userId, minor, consent,
            addresses, representatives);
        // The filer linking its own account as this party: where its identity provider verified who it is, it must be the party.
        if (userId is not null && PartyIdentity.ContradictedBy(filer, party))
            v.Add(f + ".userId", "Your verified identity is not this party's: your account cannot be linked as it.");
        return party;
    }

    /// <summary>A lawyer or agent appointed by a party, acting through the account of <paramref name="holderId"/> (whatever the request
    /// says).</summary>
    public static Representative? ReadAppointed(RepresentativeRequest r, string f, string holderId, Validation v) =>
        ReadRepresentative(r with { UserId = holderId }, f, null, null, holderId, v);

    /// <summary>An account a filing names: the filer's own only, and only on its own side (<see cref="Filer"/>).</summary>
    private static void OwnAccount(string userId, string field, PartyRole? side, string filerId, Validation v)
    {
        if (userId != filerId) v.Add(field, OwnAccountOnly);
        else if (side is { } role && !Filer.MayNameOwnAccountOn(role)) v.Add(field, OwnSideOnly);
    }

    /// <param name="side">the role of the party represented, whose side the filer's own account must be on; null: not checked here (an
    /// account appointed by its holder, or a party whose role is unreadable)</param>
    private static Representative? ReadRepresentative(RepresentativeRequest? r, string f, RepresentativeKind? fixedKind, PartyRole? side,
        string filerId, Validation v)
    {
        if (r is null) { v.Add(f, "A representative is an object."); return null; }
        RepresentativeKind kind;
        if (fixedKind is { } k) kind = k;
        else
        {
            RepresentativeKind? parsed = WireNames.TryParse<RepresentativeKind>(r.Kind, out var given)
                && given is RepresentativeKind.Lawyer or RepresentativeKind.Agent ? given : null;
            if (parsed is null)
            {
                v.Add(f + ".kind", "One of lawyer, agent (guardians and legal representatives have their own fields).");
                return null;
            }
            kind = parsed.Value;
        }
        var name = v.Text(r.Name, f + ".name");
        var userId = v.Text(r.UserId, f + ".userId", required: false);
        if (userId is not null) OwnAccount(userId, f + ".userId", side, filerId, v);
        string? licence = null, firm = null;
        if (kind == RepresentativeKind.Lawyer)
        {
            licence = r.LicenceNumber?.Trim();
            // Lawyer's practice certificate numbers have 17 digits.
            if (licence is null || !LicencePattern().IsMatch(licence))
                v.Add(f + ".licenceNumber", "A lawyer's practice certificate number has 17 digits.");
            firm = v.Text(r.Firm, f + ".firm");
        }
        var scope = AuthorityScope.General;
        var powers = new List<SpecialPower>();
        if (kind is RepresentativeKind.Lawyer or RepresentativeKind.Agent)
        {
            var authority = AuthorityScope.General;
            if (r.Authority is not null && !WireNames.TryParse(r.Authority, out authority))
                v.Add(f + ".authority", WireNames.OneOf<AuthorityScope>());
            else if (authority == AuthorityScope.Special)
            {
                scope = AuthorityScope.Special;
                foreach (var power in r.SpecialPowers ?? [])
                {
                    SpecialPower? sp = WireNames.TryParse<SpecialPower>(power, out var x) ? x : null;
                    if (sp is null) v.Add(f + ".specialPowers", "Special powers are settle, withdraw, appeal.");
                    else powers.Add(sp.Value);
                }
                if (SpecialPowers.Problem(powers) is { } problem) v.Add(f + ".specialPowers", problem);
            }
        }
        return name is null ? null : new Representative(kind, name, userId, licence, firm, scope, powers);
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    private static bool IsEmail(string value) => value.Length <= MaxEmailChars && EmailPattern().IsMatch(value);

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[0-9]{17}$")]
    private static partial Regex LicencePattern();
}
