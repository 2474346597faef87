# allocator.py: keeps glibc's malloc from giving big freed blocks back to the kernel after every request. A
# 2000-user search answer goes through a few 1 MB strings; by default glibc maps such blocks fresh (or trims its heap)
# each time, and every page of them faults in again on the next request. In the 2-core VM this server was measured
# on, a fault costs ~10 us: ~500 of them were about 5 ms of a 12 ms page. Only a tuning: the answers are the same,
# and where there is no glibc it does nothing.
import platform

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3   # mallopt() parameters in glibc's malloc.h
MMAP_THRESHOLD = 16 << 20   # blocks below this come from the heap (glibc accepts up to 32 MB)
TRIM_THRESHOLD = 64 << 20   # free memory a heap keeps before it gives any back


def keep_freed_memory():
    """Raises glibc's mmap and trim thresholds (process-wide; call before serving). True when it did."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        import ctypes
        mallopt = ctypes.CDLL(None).mallopt
    except (ImportError, OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
