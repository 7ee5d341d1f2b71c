using System.Text;

namespace Registrar.Core.Names;

/// <summary>
/// The length of a label's A-label form, computed by the RFC 3492 encoder. IdnMapping refuses an
/// over-long label without saying why; this tells "too long" apart from "not a valid IDN".
/// </summary>
internal static class PunycodeLength
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>Octets of <paramref name="label"/> in A-label form ("xn--" included when not all ASCII).</summary>
    public static int OfALabel(string label)
    {
        var codePoints = label.EnumerateRunes().Select(r => r.Value).ToArray();
        var basic = codePoints.Count(c => c < InitialN);
        if (basic == codePoints.Length)
            return basic;

        var output = basic + (basic > 0 ? 1 : 0);
        int n = InitialN, delta = 0, bias = InitialBias, handled = basic;
        while (handled < codePoints.Length)
        {
            var m = codePoints.Where(c => c >= n).Min();
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var c in codePoints)
            {
                if (c < n)
                    delta++;
                if (c != n)
                    continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                        break;
                    output++;
                    q = (q - t) / (Base - t);
                }
                output++;
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return "xn--".Length + output;
    }

    private static int Adapt(int delta, int numPoints, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }
}
