"""How much memory the machine has and a process holds, without psutil.

The supervised reader caps a reading child's memory with RLIMIT_AS where the platform has
it; Windows has no such limit for a process outside a Job object, so there the parent
watches the child's memory instead, and needs both figures. Linux reads them from
sysconf and /proc, Windows from kernel32 (GlobalMemoryStatusEx, K32GetProcessMemoryInfo).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any


def physical_memory() -> int | None:
    """Bytes of physical memory; None where it cannot be told."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    if sys.platform == "win32":
        return _windows_physical_memory()
    return None


def memory_in_use(pid: int) -> int | None:
    """Bytes process ``pid`` holds: its private committed memory on Windows, its resident
    set elsewhere (/proc); None where neither can be read (the process is gone, or there
    is no /proc)."""
    if sys.platform == "win32":
        return _windows_private_bytes(pid)
    return _statm(str(pid), 1)


def address_space() -> int | None:
    """Bytes of address space this process has mapped (what RLIMIT_AS counts); None where
    there is no /proc to say."""
    return _statm("self", 0)


def give_back_freed() -> None:
    """Return the pages of glibc's heap that hold nothing any more to the system
    (malloc_trim): after a sheet read in pieces (its pieces' XML, in-memory workbooks and
    calamine's cells freed among the rows kept), a province's read held some 200 MB of
    freed heap, which what is read and checked after it did not all reuse. A few
    milliseconds; nothing without glibc.

    Having glibc map each large block on its own instead (mallopt M_MMAP_THRESHOLD), so
    that freeing it unmaps it, kept the peak 150 MB lower still, but cost 5 s of the
    province's 55 s in page faults."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def _glibc() -> Any:
    """The C library, where it is glibc (Linux's own); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018  (glibc's own: absent from musl)
    except (OSError, AttributeError):
        return None
    return libc


def _statm(pid: str, field: int) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _windows_physical_memory() -> int | None:
    import ctypes
    from ctypes import wintypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("dwLength", wintypes.DWORD),
            ("dwMemoryLoad", wintypes.DWORD),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    if not ctypes.WinDLL("kernel32").GlobalMemoryStatusEx(ctypes.byref(status)):
        return None
    return int(status.ullTotalPhys)


def _windows_private_bytes(pid: int) -> int | None:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
            ("PrivateUsage", ctypes.c_size_t),
        ]

    kernel32 = ctypes.WinDLL("kernel32")
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.K32GetProcessMemoryInfo.argtypes = (
        wintypes.HANDLE,
        ctypes.POINTER(Counters),
        wintypes.DWORD,
    )
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    query_limited_information = 0x1000
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return None
    try:
        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        if not kernel32.K32GetProcessMemoryInfo(handle, ctypes.byref(counters), counters.cb):
            return None
        return int(counters.PrivateUsage)
    finally:
        kernel32.CloseHandle(handle)
