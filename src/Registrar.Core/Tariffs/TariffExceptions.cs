namespace Registrar.Core.Tariffs;

/// <summary>UA-2.1.4: the instant is before the zone's first published tariff.</summary>
public sealed class NoTariffInForceException(string zone, DateTimeOffset at, DateTimeOffset? firstEffectiveFrom)
    : InvalidOperationException(firstEffectiveFrom is { } first
        ? $"No tariff for .{zone} is in force at {at:O}: the first takes effect at {first:O}."
        : $"No tariff for .{zone} is published; operations must load one before it can be sold.")
{
    public string Zone { get; } = zone;
    public DateTimeOffset At { get; } = at;
}

/// <summary>The tariff in force does not price this operation (e.g. a redemption renewal in a zone without one).</summary>
public sealed class OperationNotPricedException(string zone, TariffOperation operation, IEnumerable<TariffOperation> priced)
    : InvalidOperationException($"The tariff for .{zone} does not price {operation}; it prices: " +
                                string.Join(", ", priced) + ".")
{
    public string Zone { get; } = zone;
    public TariffOperation Operation { get; } = operation;
}

/// <summary>KZ-1.1 / UA-1.6: terms are whole years within the zone's bounds.</summary>
public sealed class UnsupportedTermException(string message) : ArgumentOutOfRangeException(null, message);

/// <summary>The tariff data (tariffs.json or an operations copy) is malformed or inconsistent.</summary>
public sealed class TariffDataException : Exception
{
    public TariffDataException(string message) : base(message) { }

    public TariffDataException(string message, Exception inner) : base(message, inner) { }
}
