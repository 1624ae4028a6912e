/* For the Wine test only, never shipped: Debian 12's Wine 8 has no
 * bcryptprimitives.dll, whose ProcessPrng Go 1.24 and later call for
 * random numbers (« fatal error: bcryptprimitives.dll not found »). This
 * stand-in gives the same bytes from RtlGenRandom (SystemFunction036 in
 * advapi32), which Wine has. Windows 10 and later have the real one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
    if (!SystemFunction036(data, n))
      return FALSE;
    data += n;
    length -= n;
  }
  return TRUE;
}
