using Azure;

namespace Registrar.Storage.Tables;

/// <summary>A document as read from a table, with the ETag an update must present.</summary>
public sealed record Stored<T>(string PartitionKey, string RowKey, T Document, ETag ETag);

/// <summary>Someone else changed the row since it was read (HTTP 412): read again and redo the change.</summary>
public sealed class ConcurrencyConflictException(string table, string partitionKey, string rowKey, Exception inner)
    : Exception($"The row {table}/{partitionKey}/{rowKey} changed since it was read; read it again and retry.", inner);

/// <summary>The row exists already (HTTP 409) where the caller meant to create it.</summary>
public sealed class DocumentAlreadyExistsException(string table, string partitionKey, string rowKey, Exception inner)
    : Exception($"The row {table}/{partitionKey}/{rowKey} exists already.", inner);
