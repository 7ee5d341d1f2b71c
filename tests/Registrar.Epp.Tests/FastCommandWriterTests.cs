using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

/// <summary>The frame the client sends is the bytes XDocument.Save writes for the command's document, whether the fast
/// writer wrote it or left it to XmlWriter: checked on thousands of commands made of random names, texts and attribute
/// values (markup characters, line ends, tabs, control characters, Cyrillic, surrogate pairs and lone surrogates) and
/// namespaces declared where commands declare them and where they do not.</summary>
public class FastCommandWriterTests
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private static readonly XNamespace Domain = "urn:ietf:params:xml:ns:domain-1.0";
    private static readonly XNamespace Other = "urn:example:other";
    private static readonly string[] Pieces = ["a", "Z", "0", " ", "<", ">", "&", "\"", "'", "]]>", "\t", "\n", "\r", "\r\n", "\u0001", "ж", "қаз", "😀", "\uD800", "\uDC00", "\uFFFE", "-", ";"];

    [Fact]
    public void Every_random_command_is_sent_as_its_documents_serialization()
    {
        var random = new Random(20261202);
        var refused = 0;
        var writtenFast = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var command = new RawCommand(RandomBody(random));
            var clTrid = "RGR-" + Text(random);
            byte[] expected;
            try
            {
                expected = EppFrameWriter.Serialize(EppFrameWriter.CommandDocument(command, EppRegistryProfile.Ietf, clTrid));
            }
            catch (EppCommandValidationException)
            {
                Assert.Throws<EppCommandValidationException>(() => OutgoingFrame.Command(command, EppRegistryProfile.Ietf, clTrid));
                refused++;
                continue;
            }
            using var frame = OutgoingFrame.Command(command, EppRegistryProfile.Ietf, clTrid);
            Assert.Equal(expected, frame.Payload.ToArray());

            using var output = new RentedBufferStream(reserved: 0);
            if (!new Utf8CommandWriter(output).TryWrite(command.BuildCommand(EppRegistryProfile.Ietf), null, clTrid)) continue;
            var length = (int)output.Length;
            Assert.Equal(expected[^length..], output.Detach()[..length]);
            writtenFast++;
        }
        Assert.True(refused > 100 && writtenFast > 500, $"{refused} refused, {writtenFast} written by the fast writer");
    }

    private static XElement RandomBody(Random random)
    {
        var declareOnVerb = random.Next(4) != 0;
        var check = new XElement(Domain + "check", declareOnVerb ? new XAttribute(XNamespace.Xmlns + "domain", Domain) : null);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var name = new XElement(Domain + "name", random.Next(3) == 0 ? null : Text(random));
            if (random.Next(2) == 0) name.Add(new XAttribute("avail", Text(random)));
            if (random.Next(8) == 0) name.Add(new XAttribute(Other + "x", Text(random)), new XAttribute(XNamespace.Xmlns + "o", Other));
            if (!declareOnVerb && random.Next(2) == 0) name.Add(new XAttribute(XNamespace.Xmlns + "domain", Domain));
            if (random.Next(10) == 0) name.Add(new XComment("note"));
            check.Add(name);
        }
        return new XElement(Epp + "check", check);
    }

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(3) == 0 ? Pieces[random.Next(Pieces.Length)] : "x"));

    private sealed class RawCommand(XElement body) : EppCommand<bool>
    {
        public override string Name => "raw";
        public override XElement BuildCommand(EppRegistryProfile profile) => body;
        public override bool ParseResult(EppResponse response, EppRegistryProfile profile) => true;
    }
}
