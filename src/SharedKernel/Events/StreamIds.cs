using System.Security.Cryptography;
using System.Text;

namespace Assessment.SharedKernel.Events;

/// <summary>Deterministic stream ids for singleton-like streams (one per calendar layer, per numbering sequence …).</summary>
public static class StreamIds
{
    public static Guid FromName(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("assessment:" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5-like marker
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
