using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>Reads a command's &lt;resData&gt; as the response streams by, straight into the command's typed result, so
/// no element is built for it (issue 16: checks are the reads a storefront sends most). The response is judged only once
/// the whole frame has been read, so what is wrong with the data is thrown as an <see cref="EppProtocolException"/> only
/// after its end, kept, and thrown again when the command reads its result.</summary>
public interface IResultDataReader
{
    /// <summary>On &lt;resData&gt;'s start; leaves the reader on the node after its end, whether it returns or throws an
    /// <see cref="EppProtocolException"/>.</summary>
    object Read(XmlReader reader);
}
