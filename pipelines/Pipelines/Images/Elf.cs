using System.Buffers.Binary;

namespace Pipelines.Images;

/// <summary>Just enough of the ELF format to tell a static executable, which runs in a scratch image, from one that needs a loader.</summary>
internal static class Elf
{
    private const uint ProgramInterpreter = 3; // PT_INTERP: the dynamic loader a binary asks for.

    public static bool IsStaticExecutable(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (
            bytes.Length < 64
            || bytes[0] != 0x7F
            || bytes[1] != 'E'
            || bytes[2] != 'L'
            || bytes[3] != 'F'
        )
        {
            return false;
        }
        var is64 = bytes[4] == 2;
        var little = bytes[5] == 1;
        ulong Read(int offset, int size) =>
            size switch
            {
                2 => little
                    ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset))
                    : BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset)),
                4 => little
                    ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset))
                    : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset)),
                _ => little
                    ? BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset))
                    : BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(offset)),
            };
        var headers = (long)(is64 ? Read(0x20, 8) : Read(0x1C, 4));
        var entrySize = (int)Read(is64 ? 0x36 : 0x2A, 2);
        var count = (int)Read(is64 ? 0x38 : 0x2C, 2);
        for (var i = 0; i < count; i++)
        {
            var offset = headers + (long)i * entrySize;
            if (offset + 4 > bytes.Length)
            {
                return false;
            }
            if (Read((int)offset, 4) == ProgramInterpreter)
            {
                return false;
            }
        }
        return true;
    }
}
