using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>RFC 5730 section 2.9.2.3: an answer refused as not valid EPP, read again as far as its XML is well-formed, for the
/// queued message it hands over, which the client may still acknowledge by its id. Only a 1301 answer ("ack to dequeue")
/// hands one over: any answer may carry a &lt;msgQ&gt; (section 2.6), naming there the queue's head, not a message read. One
/// whose clTRID, where the reading got that far, is not the command's answers another command and hands over nothing.</summary>
internal static class UnreadableQueuedMessage
{
    private const string Epp = EppXml.Namespace;
    private const string AckToDequeue = "1301";

    public static EppUnreadableMessageException? Of(XmlReader reader, string expectedClTrid, EppProtocolException problem)
    {
        var read = new ReadSoFar();
        try
        {
            ReadResponse(reader, read);
        }
        catch (XmlException)
        {
            // Where the frame stops being well-formed, what came before is all it gives.
        }
        return read.ResultCode?.Trim() == AckToDequeue && !string.IsNullOrEmpty(read.MessageId)
            && (read.ClientTransactionId is null || read.ClientTransactionId == expectedClTrid)
            ? new EppUnreadableMessageException(read.MessageId, read.QueuedAt, read.Text, read.DataName, problem)
            : null;
    }

    private static void ReadResponse(XmlReader reader, ReadSoFar read)
    {
        reader.MoveToContent();
        if (!reader.IsElement("epp", Epp) || !reader.EnterElement()) return;
        while (reader.NextChildElement() && !reader.IsElement("response", Epp)) reader.Skip();
        if (!reader.IsElement("response", Epp) || !reader.EnterElement()) return;
        while (reader.NextChildElement())
        {
            if (reader.NamespaceURI != Epp) reader.Skip();
            else if (reader.LocalName == "result" && read.ResultCode is null) ReadResultCode(reader, read);
            else if (reader.LocalName == "msgQ" && read.MessageId is null) ReadMessageQueue(reader, read);
            else if (reader.LocalName == "resData" && read.DataName is null) ReadDataName(reader, read);
            else if (reader.LocalName == "trID") ReadClientTransactionId(reader, read);
            else reader.Skip();
        }
    }

    private static void ReadResultCode(XmlReader reader, ReadSoFar read)
    {
        read.ResultCode = reader.GetAttribute("code", "") ?? "";
        reader.Skip();
    }

    private static void ReadMessageQueue(XmlReader reader, ReadSoFar read)
    {
        read.MessageId = reader.GetAttribute("id", "") ?? "";
        if (!reader.EnterElement()) return;
        while (reader.NextChildElement())
        {
            if (reader.NamespaceURI != Epp) reader.Skip();
            else if (reader.LocalName == "qDate" && read.QueuedAt is null) read.QueuedAt = reader.ReadAllText().Trim();
            else if (reader.LocalName == "msg" && read.Text is null) read.Text = reader.ReadAllText().Trim();
            else reader.Skip();
        }
    }

    private static void ReadDataName(XmlReader reader, ReadSoFar read)
    {
        if (!reader.EnterElement()) return;
        if (!reader.NextChildElement()) return;
        read.DataName = string.IsNullOrEmpty(reader.NamespaceURI) ? reader.LocalName : $"{{{reader.NamespaceURI}}}{reader.LocalName}";
        do reader.Skip();
        while (reader.NextChildElement());
    }

    private static void ReadClientTransactionId(XmlReader reader, ReadSoFar read)
    {
        if (!reader.EnterElement()) return;
        while (reader.NextChildElement())
        {
            if (reader.IsElement("clTRID", Epp) && read.ClientTransactionId is null) read.ClientTransactionId = reader.ReadAllText().Trim();
            else reader.Skip();
        }
    }

    private sealed class ReadSoFar
    {
        public string? ResultCode { get; set; }
        public string? MessageId { get; set; }
        public string? QueuedAt { get; set; }
        public string? Text { get; set; }
        public string? DataName { get; set; }
        public string? ClientTransactionId { get; set; }
    }
}
