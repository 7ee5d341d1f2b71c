using System.Xml.Linq;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>What the session needs of any command, whatever its result type.</summary>
public interface IEppCommand
{
    /// <summary>"domain:create", "poll:req" …: for logs, statistics and errors.</summary>
    string Name { get; }

    /// <summary>True only for reads (check, info, poll req, transfer query): safe to send again on a
    /// new session when the connection drops before the answer.</summary>
    bool IsIdempotent { get; }

    IReadOnlyList<IEppCommandExtension> Extensions { get; }

    /// <summary>Throws <see cref="EppCommandValidationException"/> for what this profile cannot send.</summary>
    void Validate(EppRegistryProfile profile);

    /// <summary>The child of &lt;command&gt;: &lt;check&gt;, &lt;create&gt;, &lt;login&gt; …, in the EPP namespace.</summary>
    XElement BuildCommand(EppRegistryProfile profile);

    /// <summary>Reads the answer's &lt;resData&gt; straight into the result as it streams by; null for a command that reads
    /// it from <see cref="EppResponse.ResultData"/>.</summary>
    IResultDataReader? ResultDataReader(EppRegistryProfile profile);
}

/// <summary>A command whose successful response is read into <typeparamref name="TResult"/>.</summary>
public abstract class EppCommand<TResult> : IEppCommand
{
    protected static readonly XNamespace Epp = EppXml.Epp;

    public abstract string Name { get; }
    public virtual bool IsIdempotent => false;
    public IReadOnlyList<IEppCommandExtension> Extensions { get; init; } = [];

    public virtual void Validate(EppRegistryProfile profile) { }

    public abstract XElement BuildCommand(EppRegistryProfile profile);

    public virtual IResultDataReader? ResultDataReader(EppRegistryProfile profile) => null;

    /// <summary>Reads a successful response (1xxx); failures never reach here.</summary>
    public abstract TResult ParseResult(EppResponse response, EppRegistryProfile profile);

    /// <summary>&lt;{verb}&gt;&lt;prefix:{verb} xmlns:prefix=…&gt;…&lt;/prefix:{verb}&gt;&lt;/{verb}&gt;.</summary>
    protected static XElement Verb(string verb, string prefix, XNamespace objectNamespace, params object?[] content) =>
        new(Epp + verb, new XElement(objectNamespace + verb, new XAttribute(XNamespace.Xmlns + prefix, objectNamespace), content));

    protected static XElement ResultData(EppResponse response, XName name) =>
        response.ResultData?.Element(name) ?? throw EppXml.MissingResultData(name.LocalName, name.NamespaceName);

    /// <summary>What <see cref="ResultDataReader"/> read, for a command that has one.</summary>
    protected static T StreamedResultData<T>(EppResponse response, string localName, string namespaceUri) where T : class =>
        response.StreamedResultData<T>() ?? throw EppXml.MissingResultData(localName, namespaceUri);
}

/// <summary>Commands whose success carries no data (delete, update, poll ack's result is its count).</summary>
public sealed record EppAcknowledged(EppResultCode Code)
{
    public bool IsPending => Code == EppResultCode.SuccessPending;
}

/// <summary>The command cannot be sent as given (missing data, an extension the registry's profile
/// does not speak, or one the session did not log in with); nothing was sent.</summary>
public class EppCommandValidationException(string message) : Exception(message);
