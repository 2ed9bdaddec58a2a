using System.Collections.Immutable;
using System.Text.Json;

namespace ECourt.Domain.Cases;

/// <summary>A stage's small summary kept in the case's snapshot, and the name it is stored under.</summary>
public sealed record CasePart(string Name, Type Type)
{
    public static CasePart Of<T>(string name) where T : class => new(name, typeof(T));
}

/// <summary>
/// Each stage's summary in the case's snapshot, by its type (the stage reads its own part through an extension
/// property beside it). Parts stored under names no module declares (a stage of a newer release, read by an older
/// one) are carried through unchanged, so that a change written by this release loses none of them.
/// </summary>
public sealed class CaseParts : IEquatable<CaseParts>
{
    private readonly ImmutableDictionary<Type, object> _parts;

    private CaseParts(ImmutableDictionary<Type, object> parts, ImmutableDictionary<string, JsonElement> unrecognised)
    {
        _parts = parts;
        Unrecognised = unrecognised;
    }

    public static CaseParts Empty { get; } = new(ImmutableDictionary<Type, object>.Empty, ImmutableDictionary<string, JsonElement>.Empty);

    public IReadOnlyDictionary<string, JsonElement> Unrecognised { get; }

    public IEnumerable<KeyValuePair<Type, object>> All => _parts;

    public T? Get<T>() where T : class => _parts.TryGetValue(typeof(T), out var part) ? (T)part : null;

    /// <summary>The parts with <paramref name="part"/> set (null: removed).</summary>
    public CaseParts With<T>(T? part) where T : class => With(typeof(T), part);

    public CaseParts With(Type type, object? part) =>
        new(part is null ? _parts.Remove(type) : _parts.SetItem(type, part), (ImmutableDictionary<string, JsonElement>)Unrecognised);

    public CaseParts WithUnrecognised(string name, JsonElement value) =>
        new(_parts, ((ImmutableDictionary<string, JsonElement>)Unrecognised).SetItem(name, value.Clone()));

    public bool Equals(CaseParts? other) =>
        other is not null && other._parts.Count == _parts.Count && _parts.All(p => other._parts.TryGetValue(p.Key, out var v) && Equals(v, p.Value))
        && other.Unrecognised.Count == Unrecognised.Count;

    public override bool Equals(object? obj) => Equals(obj as CaseParts);

    public override int GetHashCode() => _parts.Count;
}
