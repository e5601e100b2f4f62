// Arena: bump allocation for AST nodes and other data that dies all at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace gotool::base {

// Arena hands out memory from large blocks and frees it all when destroyed.
// Objects placed in it must be trivially destructible (destructors never run).
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Allocate returns size bytes aligned to align.
  void* Allocate(size_t size, size_t align) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t(align) - 1);
    if (p + size > reinterpret_cast<uintptr_t>(end_)) return AllocateSlow(size, align);
    cur_ = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  // New constructs a T in the arena.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  // NewArray returns n default-initialised Ts.
  template <typename T>
  T* NewArray(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    T* p = static_cast<T*>(Allocate(sizeof(T) * (n ? n : 1), alignof(T)));
    for (size_t i = 0; i < n; i++) new (p + i) T();
    return p;
  }

  // CopyString copies s into the arena and returns a view of the copy.
  std::string_view CopyString(std::string_view s) {
    char* p = static_cast<char*>(Allocate(s.size() ? s.size() : 1, 1));
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    return std::string_view(p, s.size());
  }

  size_t BytesAllocated() const { return total_; }

 private:
  void* AllocateSlow(size_t size, size_t align) {
    size_t block = size + align > kBlockSize ? size + align : kBlockSize;
    blocks_.push_back(std::unique_ptr<char[]>(new char[block]));
    total_ += block;
    cur_ = blocks_.back().get();
    end_ = cur_ + block;
    return Allocate(size, align);
  }

  static constexpr size_t kBlockSize = 256 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t total_ = 0;
};

}  // namespace gotool::base
