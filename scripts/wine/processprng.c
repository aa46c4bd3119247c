/* A test shim for Wine 8.0 (Debian 12), which lacks bcryptprimitives.dll:
 * the Go runtime calls its ProcessPrng at start and dies without it. This
 * exports ProcessPrng over advapi32's RtlGenRandom (SystemFunction036).
 * scripts/package-check builds it into its own Wine prefix only; it is
 * never part of a package, as real Windows has the DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
