// A bounded pool of threads over list indices (see parallel.h).
#include "pkg/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace gotool::base {

void ParallelFor(std::size_t n, int jobs, const std::function<void(std::size_t)>& body) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < n;) body(i);
  };
  std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), n);
  if (threads <= 1) return worker();
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (std::thread& t : pool) t.join();
}

}  // namespace gotool::base
