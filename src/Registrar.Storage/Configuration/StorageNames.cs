namespace Registrar.Storage.Configuration;

/// <summary>Table, queue and blob container names with the configured prefix. Table names allow letters
/// and digits only; queue and container names lowercase letters, digits and dashes.</summary>
public sealed class StorageNames(string prefix)
{
    public string Table(string name) => prefix + name;

    public string Queue(string name) => prefix.Length == 0 ? name : $"{prefix}-{name}";

    public string Container(string name) => Queue(name);

    public static string PoisonQueue(string queueName) => queueName + "-poison";
}
