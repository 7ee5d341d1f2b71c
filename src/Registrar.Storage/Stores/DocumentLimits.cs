using System.Text.Json;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Whether a document fits the one table property it is kept in, asked before anything is stored
/// or numbered, so that a request too large to keep is refused instead of failing half-way.</summary>
public static class DocumentLimits
{
    /// <summary>Azure Tables: a string property holds 64 KiB, which is 32 K characters of UTF-16.</summary>
    public const int MaxDocumentCharacters = 32 * 1024;

    public static bool Fits<T>(T document) => JsonSerializer.Serialize(document, DocumentTable.Json).Length <= MaxDocumentCharacters;
}
