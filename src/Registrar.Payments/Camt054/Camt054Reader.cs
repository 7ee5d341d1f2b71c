using System.Text;
using System.Xml;
using System.Xml.Linq;
using Registrar.Core.Xml;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Camt054;

public sealed class Camt054ReaderOptions
{
    /// <summary>Largest accepted body: a statement-sized file (5,000 credits are about 2 MB).</summary>
    public int MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Reads an ISO 20022 camt.054 credit notification (versions .02–.13) into the booked credits it reports.
/// The XML is read with DTDs prohibited, no resolver and a character budget, so no entity expansion,
/// external fetch or oversized document reaches the parser's memory.
/// </summary>
public sealed class Camt054Reader(Camt054ReaderOptions options)
{
    /// <summary>The largest body read (the HTTP endpoint reads no more than this).</summary>
    public int MaxBytes => options.MaxBytes;

    /// <summary>Far deeper than any camt.054 element (the deepest are under 20 levels), far shallower than a tree too costly to build.</summary>
    private const int MaxDepth = 64;

    private const string RootName = "Document";
    private const string MessageName = "BkToCstmrDbtCdtNtfctn";
    private static readonly byte[] DocumentTypeUtf16 = Encoding.Unicode.GetBytes("<!DOCTYPE");

    /// <param name="bankId">The configured bank the message came from.</param>
    /// <param name="body">The raw request body, as received.</param>
    /// <param name="bankTimeZone">The bank's time zone: booking dates without a time, and times without an
    /// offset, are read in it (KZ-3.5, UA-3.4: the bank's booking time is the payment instant).</param>
    /// <param name="charset">The <c>charset</c> of the body's media type, if the bank gave one: it comes before the XML
    /// declaration's encoding (RFC 7303 section 3.2).</param>
    public NotificationReadResult Read(string bankId, ReadOnlySpan<byte> body, TimeZoneInfo bankTimeZone, string? charset = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bankId);
        ArgumentNullException.ThrowIfNull(bankTimeZone);

        if (body.Length > options.MaxBytes)
            return NotificationReadResult.Rejected(NotificationRejectionReason.Oversize,
                $"The notification is {body.Length} bytes; at most {options.MaxBytes} bytes are accepted. Split the entries over several messages.");
        if (body.IsEmpty)
            return NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, "The notification body is empty; a camt.054 XML document is expected.");
        if (DeclaresDocumentType(body))
            return NotificationReadResult.Rejected(NotificationRejectionReason.DtdForbidden,
                "The XML has a document type declaration (<!DOCTYPE>); DTDs and entities are not accepted. Send the camt.054 document without one.");

        try
        {
            var document = Load(body.ToArray(), charset);
            var root = document.Root!;
            // Money is never lost: a statement or report a bank sends here books money as well, so it is told apart from a
            // malformed document and kept by the endpoint for operations.
            if (root.Name.LocalName == RootName && Camt054Version.IsOtherCashManagementNamespace(root.Name.NamespaceName))
                return NotificationReadResult.Rejected(NotificationRejectionReason.UnsupportedMessage,
                    $"The document is a {root.Name.NamespaceName[(root.Name.NamespaceName.LastIndexOf(':') + 1)..]} message; only camt.054 ({Camt054Version.Supported}) is read here.");
            if (root.Name.LocalName != RootName || !Camt054Version.IsCamt054Namespace(root.Name.NamespaceName))
                return NotificationReadResult.Rejected(NotificationRejectionReason.Malformed,
                    $"The root element is {{{root.Name.NamespaceName}}}{root.Name.LocalName}; a camt.054 <Document> ({Camt054Version.Supported}) is expected.");
            var version = Camt054Version.FromNamespace(root.Name.NamespaceName);
            if (version is null)
                return NotificationReadResult.Rejected(NotificationRejectionReason.UnsupportedVersion,
                    $"Namespace '{root.Name.NamespaceName}' is not a supported version; supported: {Camt054Version.Supported}.");

            var message = root.Element(root.Name.Namespace + MessageName)
                          ?? throw new Camt054FormatException(NotificationRejectionReason.Malformed, $"<Document> has no <{MessageName}> element.");
            return new Camt054MessageReader(bankId, version, root.Name.Namespace, bankTimeZone).Read(message);
        }
        catch (Camt054FormatException e)
        {
            return NotificationReadResult.Rejected(e.Reason, e.Message);
        }
        catch (XmlException e)
        {
            return NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, $"The XML is not well-formed: {e.Message}");
        }
        catch (Exception e) when (e is DecoderFallbackException or NotSupportedException)
        {
            return NotificationReadResult.Rejected(NotificationRejectionReason.Malformed,
                $"The body is not in the encoding it declares, or declares one that cannot be read: {e.Message}");
        }
    }

    private XDocument Load(byte[] body, string? charset)
    {
        // Decoded as BodyEncoding finds it, so a code page the media type or the declaration names (windows-1251) is read as
        // well as UTF-8; a reader over text takes the characters as given and leaves the declaration's encoding unused.
        var (encoding, preamble) = BodyEncoding.Of(body, charset);
        return Load(new MemoryStream(body, preamble, body.Length - preamble, writable: false), encoding, options.MaxBytes);
    }

    /// <summary>The document in <paramref name="xml"/>, read from it once.</summary>
    internal static XDocument Load(Stream xml, Encoding encoding, int maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        // Building a tree takes time quadratic in its depth (50,000 nested elements took 35 s), so the depth is checked on
        // each node as the tree is built, which stops at the first element too deep.
        using var reader = new DepthLimitedXmlReader(XmlReader.Create(new StreamReader(xml, encoding, false), settings), MaxDepth,
            () => new Camt054FormatException(NotificationRejectionReason.Malformed,
                $"The XML nests elements deeper than {MaxDepth} levels; a camt.054 document needs fewer than 20."));
        return XDocument.Load(reader, LoadOptions.None);
    }

    // Checked on the raw text as well as by the parser so the refusal names the actual problem.
    private static bool DeclaresDocumentType(ReadOnlySpan<byte> body) =>
        body.IndexOf("<!DOCTYPE"u8) >= 0 || body.IndexOf(DocumentTypeUtf16) >= 0;
}
