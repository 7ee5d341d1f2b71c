using System.Text;
using System.Xml;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>The fast reader stands in for the full one on the frames it reads: on every frame it reads it gives the
/// nodes the full reader gives, and it reads no frame the full reader refuses. Checked on answers as registries shape
/// them, on the XML corners it knows, and on thousands of damaged copies of them.</summary>
public class FastFrameReaderTests
{
    private const string Envelope = """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">""";

    private static readonly string[] Readable =
    [
        Encoding.UTF8.GetString(EppResponses.Result(1000, "RGR-1", resData: EppResponses.DomainCheckData("urn:ietf:params:xml:ns:domain-1.0", ("a.kz", true), ("b.kz", false)))),
        Encoding.UTF8.GetString(EppResponses.Result(2302, null, message: "Object exists <&> \"quoted\" 'single'")),
        """<?xml version="1.0" encoding="UTF-8" standalone="no"?>""" + Envelope + """<response><result code='1000'><msg lang="en">Готово &amp; done &#1082;&#x43A; &lt;&gt;&quot;&apos;</msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>""",
        "<?xml version='1.0'?>\r\n" + Envelope + "\r\n  <response>\r\n    <!-- a comment - with dashes -->\r\n    <result code=\"1000\">\r\n<msg>line\rone\r\ntwo</msg></result>\n  </response>\n</epp>\n",
        "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Envelope + "<response x=\" tab\there\nline\r\nend &#9;&#10;kept \"/></epp>  ",
        """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><a xmlns="" b="1"><c xmlns="urn:x" xmlns:p="urn:p" p:d="2" d="3"/></a><p:e xmlns:p="urn:other" xml:lang="en"><f/></p:e></epp>""",
        """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><resData><domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:status s="ok"/><domain:name>x.kz</domain:name></domain:infData></resData><x>]]</x><y>a]b>c</y></epp>""",
        """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><z>&#x10348; &#65533;</z><e></e><e/><e  a = "1"  /></epp>""",
    ];

    public static TheoryData<string> FramesItReads() => new(Readable);

    public static TheoryData<string> FramesItLeavesToTheFullReader() =>
    [
        """<?xml version="1.0" encoding="ISO-8859-1"?><epp/>""",
        """<!DOCTYPE epp [<!ENTITY x "y">]><epp>&x;</epp>""",
        """<epp><![CDATA[text]]></epp>""",
        """<epp><?pi data?></epp>""",
        """<epp><имя/></epp>""",
        """<epp><a:b/></epp>""",
        """<epp><a></b></epp>""",
        """<epp a="1" a="2"/>""",
        """<epp xmlns:p="urn:1" xmlns:q="urn:1" p:a="1" q:a="2"/>""",
        """<epp>&nbsp;</epp>""",
        """<epp>&#0;</epp>""",
        """<epp>]]></epp>""",
        """<epp><!-- a -- b --></epp>""",
        """<epp a="<"/>""",
        """<epp a="1"b="2"/>""",
        """<epp></epp><epp/>""",
        """<epp></epp>text""",
        """ <?xml version="1.0"?><epp/>""",
        "<epp>\u0001</epp>",
        "<epp " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"a{i}=\"{i}\"")) + "/>",
    ];

    [Theory]
    [MemberData(nameof(FramesItReads))]
    public void A_frame_it_reads_gives_the_nodes_the_full_reader_gives(string frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);

        Assert.Equal(FullNodes(bytes), FastNodes(bytes));
    }

    [Theory]
    [MemberData(nameof(FramesItLeavesToTheFullReader))]
    public void A_frame_outside_what_it_reads_is_left_to_the_full_reader(string frame) =>
        Assert.Throws<OutsideFastPathException>(() => FastNodes(Encoding.UTF8.GetBytes(frame)));

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_left_to_the_full_reader() =>
        Assert.Throws<OutsideFastPathException>(() => FastNodes([.. "<epp>"u8, 0xC3, 0x28, .. "</epp>"u8]));

    /// <summary>Each damage is one byte deleted, doubled or replaced by a byte that means something in XML; the seed is
    /// fixed, so a failure names a frame that can be read again.</summary>
    [Fact]
    public void No_damaged_frame_is_read_other_than_the_full_reader_reads_it()
    {
        var random = new Random(20261202);
        var meaningful = "<>&;#x\"'=/:!?-[] \t\r\nab0"u8.ToArray();
        var readByBoth = 0;
        var leftToFull = 0;
        foreach (var frame in Readable.Select(Encoding.UTF8.GetBytes))
        {
            for (var i = 0; i < 2_000; i++)
            {
                var damaged = frame.ToList();
                var at = random.Next(damaged.Count);
                switch (random.Next(3))
                {
                    case 0: damaged.RemoveAt(at); break;
                    case 1: damaged.Insert(at, damaged[at]); break;
                    default: damaged[at] = meaningful[random.Next(meaningful.Length)]; break;
                }
                var bytes = damaged.ToArray();
                List<string> fast;
                try
                {
                    fast = FastNodes(bytes);
                }
                catch (OutsideFastPathException)
                {
                    leftToFull++;
                    continue;
                }
                Assert.True(FullNodes(bytes) is { } full && full.SequenceEqual(fast),
                    $"The fast reader read a damaged frame otherwise than the full reader: {Encoding.UTF8.GetString(bytes)}");
                readByBoth++;
            }
        }
        Assert.True(readByBoth > 1_000 && leftToFull > 1_000, $"{readByBoth} read by both, {leftToFull} left to the full reader");
    }

    [Fact]
    public void A_session_reads_an_answer_on_the_fast_path_and_a_frame_outside_it_on_the_full_one()
    {
        var reader = new FrameXmlReader(maxFrameBytes: 1_000_000);

        Assert.IsType<Utf8FrameXmlReader>(reader.FastOver(EppResponses.Result(1000, "RGR-1")));
        Assert.Equal("done", new EppResponseParser(1_000_000).ParseResponse(
            Encoding.UTF8.GetBytes($"{Envelope}<response><result code=\"1000\"><msg><![CDATA[done]]></msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>"),
            "RGR-1").Result.Message);
    }

    private static List<string> FastNodes(byte[] frame) => Nodes(new FrameXmlReader(1_000_000).FastOver(frame), prolog: false);

    /// <summary>The full reader's nodes, without the declaration and the white space around the root, which the fast reader
    /// reads past; or null when it refuses the frame.</summary>
    private static List<string>? FullNodes(byte[] frame)
    {
        try
        {
            return Nodes(new FrameXmlReader(1_000_000).Over(frame), prolog: true);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Each node as a line. A run of character data is one node: the full reader hands it on in pieces (at line
    /// ends, at "]"), some white space among them as text, and every consumer (XElement, the response reader) joins them
    /// into one string.</summary>
    private static List<string> Nodes(XmlReader reader, bool prolog)
    {
        var nodes = new List<string>();
        var characterData = new StringBuilder();
        while (reader.Read())
        {
            if (prolog && (reader.NodeType == XmlNodeType.XmlDeclaration || (reader.NodeType is XmlNodeType.Whitespace or XmlNodeType.Text && reader.Depth == 0))) continue;
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace)
            {
                characterData.Append(reader.Value);
                continue;
            }
            if (characterData.Length > 0) nodes.Add($"Character data [{characterData}]");
            characterData.Clear();
            var node = new StringBuilder($"{reader.NodeType} {reader.Depth} {reader.Prefix}:{reader.LocalName} {{{reader.NamespaceURI}}} empty={reader.IsEmptyElement} [{reader.Value}]");
            for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                node.Append($" @{reader.Depth} {reader.Prefix}:{reader.LocalName} {{{reader.NamespaceURI}}}=[{reader.Value}]");
            reader.MoveToElement();
            nodes.Add(node.ToString());
        }
        return nodes;
    }
}
