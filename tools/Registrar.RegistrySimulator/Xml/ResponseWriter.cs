using System.Text;
using System.Xml;
using System.Xml.Linq;
using Registrar.RegistrySimulator.Commands;

namespace Registrar.RegistrySimulator.Xml;

/// <summary>Serialises responses: the RFC 5730 envelope, the echoed clTRID and a unique svTRID.</summary>
public sealed class ResponseWriter
{
    private static readonly XNamespace Epp = EppNamespaces.Epp;
    private readonly string _serverPrefix = "SIM-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private long _lastTransaction;

    public string NextServerTransactionId() => $"{_serverPrefix}-{Interlocked.Increment(ref _lastTransaction)}";

    /// <param name="serverTransactionId">The svTRID given to the command before it ran; a new one when null.</param>
    public byte[] Write(EppResponse response, string? clientTransactionId, string? serverTransactionId = null)
    {
        var result = new XElement(Epp + "result", new XAttribute("code", response.Code), new XElement(Epp + "msg", response.Message));
        if (response.ErrorValue is { } error)
            result.Add(new XElement(Epp + "extValue", new XElement(Epp + "value", new XElement(error.Element)), new XElement(Epp + "reason", error.Reason)));
        var body = new XElement(Epp + "response", result);
        if (response.MessageQueue is { } queue)
        {
            var msgQ = new XElement(Epp + "msgQ", new XAttribute("count", queue.Count), new XAttribute("id", queue.Id));
            if (queue.QueuedAt is { } queuedAt) msgQ.Add(new XElement(Epp + "qDate", EppDates.Format(queuedAt)));
            if (queue.Text is { } text) msgQ.Add(new XElement(Epp + "msg", text));
            body.Add(msgQ);
        }
        if (response.ResData is not null) body.Add(new XElement(Epp + "resData", response.ResData));
        if (response.Extensions.Count > 0) body.Add(new XElement(Epp + "extension", response.Extensions));

        var transaction = new XElement(Epp + "trID");
        if (!string.IsNullOrEmpty(clientTransactionId)) transaction.Add(new XElement(Epp + "clTRID", clientTransactionId));
        transaction.Add(new XElement(Epp + "svTRID", serverTransactionId ?? NextServerTransactionId()));
        body.Add(transaction);

        return Serialize(new XElement(Epp + "epp", body));
    }

    public static byte[] Serialize(XElement root)
    {
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", "no"), root);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            document.Save(writer);
        return buffer.ToArray();
    }
}
