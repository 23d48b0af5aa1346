using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace SiteGen.Rendering.Themes;

/// <summary>
/// A view model that hands its members to a template itself, by their template names, instead of Scriban reading them by
/// reflection: the records a page reads hundreds of times (a table's cells and rows, links, a chart's bars). A dwelling
/// page reads about 700 members; through reflection that was about 3.5% of a large build's CPU, and every yes/no a
/// template read was a new boxed value (bench/README.md, thirty-third round).
/// </summary>
/// <remarks>
/// Which members a template sees is still decided by <see cref="Theme.TemplateMembers"/> (the same rule for every view
/// model); this only answers their values. A name it does not answer is read by reflection, as for any other view model.
/// </remarks>
public interface ITemplateMembers
{
    /// <summary>The value of the property a template calls <paramref name="name"/> (Scriban's snake_case name); false for a name it does not know.</summary>
    bool TryGetMember(string name, out object? value);
}

/// <summary>What an <see cref="ITemplateMembers"/> view model's lookup by name is written with.</summary>
public static class Member
{
    private static readonly object True = true, False = false;

    /// <summary>What a lookup gives for a name it does not know (its switch's last arm).</summary>
    public static readonly object Unknown = new();

    /// <summary>A yes or no boxed once: a template's <c>if cell.num</c> boxed a new value each time.</summary>
    public static object Of(bool value) => value ? True : False;

    /// <summary>Whether a lookup's value is a member's (not <see cref="Unknown"/>).</summary>
    public static bool Found(object? value) => !ReferenceEquals(value, Unknown);
}

/// <summary>Scriban's access to an <see cref="ITemplateMembers"/> view model: the members of its type, their values from the model.</summary>
internal sealed class TemplateMembersAccessor(Type type) : IObjectAccessor
{
    private readonly IReadOnlyList<(string Name, System.Reflection.PropertyInfo Property)> _members = Theme.TemplateMembers(type);

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _members.Count;

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _members.Select(m => m.Name);

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => Find(member) >= 0;

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (((ITemplateMembers)target).TryGetMember(member, out value)) return true;
        int i = Find(member);
        value = i >= 0 ? _members[i].Property.GetValue(target) : null;
        return i >= 0;
    }

    // View models are read-only to templates, as Scriban's own accessor leaves them: properties without setters.
    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
    {
        value = null;
        return false;
    }

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;

    public bool HasIndexer => false;

    public Type? IndexType => null;

    private int Find(string member)
    {
        for (int i = 0; i < _members.Count; i++)
            if (_members[i].Name == member) return i;
        return -1;
    }
}
