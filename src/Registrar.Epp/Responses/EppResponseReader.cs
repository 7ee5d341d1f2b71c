using System.Xml;
using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>Reads a &lt;response&gt; in one forward pass over an <see cref="XmlReader"/>: results, message
/// queue and transaction ids are read as they stream by, and &lt;resData&gt; too when the command has an
/// <see cref="IResultDataReader"/>; only &lt;extension&gt; and any other &lt;resData&gt;, whose schema the command knows,
/// become elements. The whole frame is read before anything is judged, so a frame that is not well-formed is refused as
/// such, and the checks run in the order the RFC 5730 envelope is described in: root, response, results, trID, clTRID,
/// msgQ.</summary>
internal static class EppResponseReader
{
    private const string Epp = EppXml.Namespace;

    public static EppResponse Read(XmlReader reader, string expectedClTrid, IResultDataReader? resultDataReader)
    {
        reader.MoveToContent();
        var root = (reader.LocalName, reader.NamespaceURI);
        Parts? response = null;
        if (reader.IsElement("epp", Epp) && reader.EnterElement())
        {
            while (reader.NextChildElement())
            {
                if (response is null && reader.IsElement("response", Epp)) response = ReadParts(reader, resultDataReader);
                else reader.Skip();
            }
        }
        while (reader.Read()) { } // the rest, for well-formedness

        if (root != ("epp", Epp))
            throw new EppProtocolException($"The frame's root element is <{root.LocalName}> in namespace '{root.NamespaceURI}', not <epp> in {Epp}.");
        if (response is null)
            throw new EppProtocolException($"Expected a <response> to clTRID {expectedClTrid} but the frame holds something else.");
        return response.ToResponse(expectedClTrid);
    }

    private static Parts ReadParts(XmlReader reader, IResultDataReader? resultDataReader)
    {
        var parts = new Parts();
        if (!reader.EnterElement()) return parts;
        while (reader.NextChildElement())
        {
            if (reader.NamespaceURI != Epp) reader.Skip();
            else if (reader.LocalName == "result") parts.Results.Add(ReadResult(reader));
            else if (reader.LocalName == "msgQ" && parts.MessageQueue is null) parts.MessageQueue = ReadMessageQueue(reader);
            else if (reader.LocalName == "resData" && !parts.HasResultData) ReadResultData(reader, parts, resultDataReader);
            else if (reader.LocalName == "extension" && parts.Extension is null) parts.Extension = (XElement)XNode.ReadFrom(reader);
            else if (reader.LocalName == "trID" && !parts.HasTransactionIds) ReadTransactionIds(reader, parts);
            else reader.Skip();
        }
        return parts;
    }

    private static void ReadResultData(XmlReader reader, Parts parts, IResultDataReader? resultDataReader)
    {
        parts.HasResultData = true;
        if (resultDataReader is null)
        {
            parts.ResultData = (XElement)XNode.ReadFrom(reader);
            return;
        }
        try
        {
            parts.StreamedResultData = resultDataReader.Read(reader);
        }
        catch (EppProtocolException e)
        {
            parts.StreamedResultDataProblem = e;
        }
    }

    private static RawResult ReadResult(XmlReader reader)
    {
        var result = new RawResult(reader.GetAttribute("code", ""));
        if (!reader.EnterElement()) return result;
        while (reader.NextChildElement())
        {
            if (reader.NamespaceURI != Epp) reader.Skip();
            else if (reader.LocalName == "msg" && result.Message is null) result.Message = reader.ReadAllText().Trim();
            else if (reader.LocalName == "value") result.Values.Add(reader.ReadAllText().Trim());
            else if (reader.LocalName == "extValue") result.ExtValueReasons.Add(ReadExtValueReason(reader));
            else reader.Skip();
        }
        return result;
    }

    /// <summary>&lt;extValue&gt;&lt;value&gt;…&lt;/value&gt;&lt;reason&gt;…&lt;/reason&gt;&lt;/extValue&gt;: the first reason, or "".</summary>
    private static string ReadExtValueReason(XmlReader reader)
    {
        string? reason = null;
        if (!reader.EnterElement()) return "";
        while (reader.NextChildElement())
        {
            if (reason is null && reader.IsElement("reason", Epp)) reason = reader.ReadAllText().Trim();
            else reader.Skip();
        }
        return reason ?? "";
    }

    private static RawMessageQueue ReadMessageQueue(XmlReader reader)
    {
        var queue = new RawMessageQueue(reader.GetAttribute("count", ""), reader.GetAttribute("id", ""));
        if (!reader.EnterElement()) return queue;
        while (reader.NextChildElement())
        {
            if (reader.NamespaceURI != Epp) reader.Skip();
            else if (reader.LocalName == "qDate" && queue.QueuedAt is null) queue.QueuedAt = reader.ReadAllText();
            else if (reader.LocalName == "msg" && queue.Message is null) queue.Message = reader.ReadAllText().Trim();
            else reader.Skip();
        }
        return queue;
    }

    private static void ReadTransactionIds(XmlReader reader, Parts parts)
    {
        parts.HasTransactionIds = true;
        if (!reader.EnterElement()) return;
        while (reader.NextChildElement())
        {
            if (reader.NamespaceURI != Epp) reader.Skip();
            else if (reader.LocalName == "clTRID" && parts.ClientTransactionId is null) parts.ClientTransactionId = reader.ReadAllText().Trim();
            else if (reader.LocalName == "svTRID" && parts.ServerTransactionId is null) parts.ServerTransactionId = reader.ReadAllText().Trim();
            else reader.Skip();
        }
    }

    /// <summary>What the pass collected, judged once the whole frame has been read.</summary>
    private sealed class Parts
    {
        public List<RawResult> Results { get; } = [];
        public RawMessageQueue? MessageQueue { get; set; }
        public bool HasResultData { get; set; }
        public XElement? ResultData { get; set; }
        public object? StreamedResultData { get; set; }
        public EppProtocolException? StreamedResultDataProblem { get; set; }
        public XElement? Extension { get; set; }
        public bool HasTransactionIds { get; set; }
        public string? ClientTransactionId { get; set; }
        public string? ServerTransactionId { get; set; }

        public EppResponse ToResponse(string expectedClTrid)
        {
            var results = Results.ConvertAll(r => r.ToResult());
            if (results.Count == 0)
                throw new EppProtocolException($"The response to clTRID {expectedClTrid} has no <result>.");
            if (!HasTransactionIds) throw Missing("response", "trID");
            var svTrid = ServerTransactionId ?? throw Missing("trID", "svTRID");
            // RFC 5730 §2.5 returns the clTRID the command carried, which a server that could not read the command (2001) or
            // is closing the session (25xx) may not have. An error says the command was not carried out, and the session
            // has no other command waiting for an answer, so one without a clTRID is this command's; a success without
            // one, or any answer with another, may be some other command's and proves nothing about this one.
            if (ClientTransactionId != expectedClTrid && !(ClientTransactionId is null && !results[0].Code.IsSuccess()))
                throw new EppProtocolException(
                    $"The response carries clTRID '{ClientTransactionId ?? "(none)"}' but answers a command sent as '{expectedClTrid}' (svTRID {svTrid}).");
            return new EppResponse(results, MessageQueue?.ToMessageQueue(), ResultData, Extension, ClientTransactionId, svTrid)
            {
                StreamedResultDataValue = StreamedResultData,
                StreamedResultDataProblem = StreamedResultDataProblem,
            };
        }
    }

    private sealed class RawResult(string? code)
    {
        public string? Message { get; set; }
        public List<string> Values { get; } = [];
        public List<string> ExtValueReasons { get; } = [];

        public EppResult ToResult()
        {
            var codeText = code ?? throw EppXml.MissingAttribute("result", "code");
            if (!EppXml.TryParseUnsigned(codeText, out var number) || number is < 1000 or > 2599)
                throw new EppProtocolException($"The result code '{codeText}' is not an EPP result code.");
            var resultCode = (EppResultCode)number;
            if (!Enum.IsDefined(resultCode))
                throw new EppProtocolException($"The result code {number} is not defined by RFC 5730.");
            // Values first, then extValue reasons: the order the typed result has always listed them in.
            var reasons = Values.Count + ExtValueReasons.Count == 0 ? [] : Values.Concat(ExtValueReasons).Where(r => r.Length > 0).ToList();
            return new EppResult(resultCode, Message ?? throw Missing("result", "msg"), reasons);
        }
    }

    private sealed class RawMessageQueue(string? count, string? id)
    {
        public string? QueuedAt { get; set; }
        public string? Message { get; set; }

        public EppMessageQueue ToMessageQueue()
        {
            var countText = count ?? throw EppXml.MissingAttribute("msgQ", "count");
            if (!EppXml.TryParseUnsigned(countText, out var number))
                throw new EppProtocolException($"<msgQ count=\"{countText}\"> is not a number.");
            return new EppMessageQueue(number, id ?? throw EppXml.MissingAttribute("msgQ", "id"), QueuedDate(), Message);
        }

        private DateTimeOffset? QueuedDate()
        {
            if (QueuedAt is null) return null;
            if (EppXml.TryParseDateTime(QueuedAt, out var value)) return value;
            throw new EppProtocolException($"<qDate> in the registry's answer is not a date: '{QueuedAt}'.");
        }
    }

    private static EppProtocolException Missing(string parent, string child) => EppXml.MissingChild(parent, child, Epp);
}
