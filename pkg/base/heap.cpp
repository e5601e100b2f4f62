// ReserveHugePageHeap: glibc malloc options and a transparent huge page for the heap.
#include "pkg/base/heap.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#endif

namespace gotool::base {
namespace {

// heap_blocks keeps the blocks ReserveHugePageHeap allocates visible to the compiler,
// which may otherwise drop a malloc whose memory is never used.
void* volatile heap_blocks[2];

}  // namespace

void* ReserveHugePageHeap() {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHugePage = uintptr_t(2) << 20;
  // Blocks of any size come from the heap (glibc caps the threshold at 32 MiB), so
  // the large buffers share the huge page; and the heap's free top is never trimmed,
  // which would split the huge page and return memory that is needed again.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0) return nullptr;
  if (mallopt(M_TRIM_THRESHOLD, 256 << 20) == 0) return nullptr;
  // Growing the heap by two huge pages makes room for one aligned huge page. Freed,
  // the probe returns to the heap's top, where the next large block starts.
  char* probe = static_cast<char*>(std::malloc(2 * kHugePage));
  if (probe == nullptr) return nullptr;
  heap_blocks[0] = probe;
  uintptr_t start = (reinterpret_cast<uintptr_t>(probe) + kHugePage - 1) & ~(kHugePage - 1);
  std::free(probe);
  // A filler block covers the heap up to the aligned start and stays allocated, so
  // that allocations continue from there; glibc rounds a request of n bytes to a
  // block of (n + 8) rounded up to 16 bytes, and the probe was 16-byte aligned. Only
  // the filler's header is ever written.
  size_t gap = size_t(start - reinterpret_cast<uintptr_t>(probe));
  if (gap > 64) {
    heap_blocks[1] = std::malloc(gap - 8);
    if (heap_blocks[1] == nullptr) return nullptr;
  }
  // No byte of the range may be touched before this: a page faulted in before the
  // advice keeps the range in small pages.
  void* page = reinterpret_cast<void*>(start);
  return ::madvise(page, kHugePage, MADV_HUGEPAGE) == 0 ? page : nullptr;
#else
  return nullptr;
#endif
}

}  // namespace gotool::base
