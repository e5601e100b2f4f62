// The zip format for module zips: central directory parsing, entry bodies inflated and
// checked with zlib, and a writer.
#include "modcache/zipfile.h"

#include <zlib.h>

#include <cstring>
#include <limits>

namespace gotool::modcache::zip {
namespace {

constexpr std::uint32_t kLocalHeaderSig = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSig = 0x02014b50;
constexpr std::uint32_t kEndSig = 0x06054b50;
constexpr std::uint32_t kEnd64Sig = 0x06064b50;
constexpr std::uint32_t kEnd64LocatorSig = 0x07064b50;
constexpr std::uint32_t kDataDescriptorSig = 0x08074b50;
constexpr std::size_t kLocalHeaderLen = 30, kCentralHeaderLen = 46, kEndLen = 22;
constexpr std::size_t kEnd64Len = 56, kEnd64LocatorLen = 20;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kFlagDataDescriptor = 0x8, kFlagUTF8 = 0x800;
constexpr std::uint32_t kMax32 = 0xffffffff;
constexpr std::uint16_t kMax16 = 0xffff;

Error Format() { return Error{std::string(kErrFormat)}; }

// Cursor reads little-endian fields from a byte range; reading past its end sets bad.
class Cursor {
 public:
  explicit Cursor(std::string_view b) : b_(b) {}
  std::uint64_t Uint(int n) {
    if (b_.size() - pos_ < static_cast<std::size_t>(n) || pos_ > b_.size()) {
      bad = true;
      pos_ = b_.size();
      return 0;
    }
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b_[pos_ + i]);
    pos_ += static_cast<std::size_t>(n);
    return v;
  }
  std::uint16_t U16() { return static_cast<std::uint16_t>(Uint(2)); }
  std::uint32_t U32() { return static_cast<std::uint32_t>(Uint(4)); }
  std::uint64_t U64() { return Uint(8); }
  std::string_view Bytes(std::size_t n) {
    if (b_.size() - pos_ < n) {
      bad = true;
      pos_ = b_.size();
      return {};
    }
    std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::size_t pos() const { return pos_; }
  bool bad = false;

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
};

// End is what the (zip64) end-of-central-directory record says.
struct End {
  std::uint64_t records = 0;
  std::uint64_t dir_size = 0;
  std::uint64_t dir_offset = 0;
};

// FindEnd locates the end record in the last 1 KiB, then the last 65 KiB (the record
// plus the longest comment), as archive/zip does.
bool FindEnd(std::string_view data, std::size_t* at) {
  for (std::size_t window : {std::size_t{1024}, std::size_t{65 * 1024}}) {
    std::size_t from = data.size() > window ? data.size() - window : 0;
    if (data.size() < kEndLen) return false;
    for (std::size_t i = data.size() - kEndLen + 1; i-- > from;) {
      if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6) {
        Cursor c(data.substr(i + kEndLen - 2));
        std::size_t comment = c.U16();
        if (i + kEndLen + comment <= data.size()) {
          *at = i;
          return true;
        }
      }
    }
    if (from == 0) return false;
  }
  return false;
}

// ReadEnd parses the end record at 'at', and the zip64 one it points to when its
// fields overflow.
Result<End> ReadEnd(std::string_view data, std::size_t at) {
  Cursor c(data.substr(at));
  End e;
  c.U32();  // signature
  std::uint16_t disk = c.U16(), dir_disk = c.U16();
  c.U16();  // records on this disk
  e.records = c.U16();
  e.dir_size = c.U32();
  e.dir_offset = c.U32();
  if (disk != 0 || dir_disk != 0) return Format();
  if (e.records == kMax16 || e.dir_size == kMax32 || e.dir_offset == kMax32) {
    if (at < kEnd64LocatorLen) return Format();
    Cursor loc(data.substr(at - kEnd64LocatorLen));
    if (loc.U32() == kEnd64LocatorSig) {
      loc.U32();  // disk of the zip64 end record
      std::uint64_t off = loc.U64();
      if (off > data.size() || data.size() - off < kEnd64Len) return Format();
      Cursor e64(data.substr(off));
      if (e64.U32() != kEnd64Sig) return Format();
      e64.U64();  // record size
      e64.U16();  // version made by
      e64.U16();  // version needed
      e64.U32();  // this disk
      e64.U32();  // directory disk
      e64.U64();  // records on this disk
      e.records = e64.U64();
      e.dir_size = e64.U64();
      e.dir_offset = e64.U64();
    }
  }
  if (e.dir_offset >= data.size() || e.dir_size > data.size()) return Format();
  return e;
}

// ReadZip64Extra replaces the 32-bit fields that overflowed with the zip64 extra
// field's values, in their fixed order.
bool ReadZip64Extra(std::string_view extra, FileHeader* f, bool need_usize, bool need_csize,
                    bool need_offset) {
  Cursor c(extra);
  while (!c.bad && c.pos() + 4 <= extra.size()) {
    std::uint16_t id = c.U16(), len = c.U16();
    std::string_view field = c.Bytes(len);
    if (c.bad) return false;
    if (id != kZip64ExtraId) continue;
    Cursor z(field);
    if (need_usize) f->uncompressed_size = z.U64();
    if (need_csize) f->compressed_size = z.U64();
    if (need_offset) f->header_offset = z.U64();
    return !z.bad;
  }
  return !(need_usize || need_csize || need_offset);
}

Result<FileHeader> ReadHeader(Cursor* c) {
  FileHeader f;
  if (c->U32() != kCentralHeaderSig) return Format();
  c->U16();  // version made by
  c->U16();  // version needed
  f.flags = c->U16();
  f.method = c->U16();
  c->U32();  // modification time and date
  f.crc32 = c->U32();
  std::uint32_t csize = c->U32(), usize = c->U32();
  std::size_t name_len = c->U16(), extra_len = c->U16(), comment_len = c->U16();
  c->Uint(8);  // disk, internal and external attributes
  std::uint32_t offset = c->U32();
  f.name = std::string(c->Bytes(name_len));
  std::string_view extra = c->Bytes(extra_len);
  c->Bytes(comment_len);
  if (c->bad) return Format();
  f.compressed_size = csize;
  f.uncompressed_size = usize;
  f.header_offset = offset;
  if (!ReadZip64Extra(extra, &f, usize == kMax32, csize == kMax32, offset == kMax32))
    return Format();
  return f;
}

// Inflate decompresses raw deflate data onto out, producing no more than limit+1
// bytes (so that an overlong entry is noticed without inflating all of it). The
// output grows as it comes, not to the declared size at once: a declaration is no
// reason to allocate.
Status Inflate(std::string_view in, std::uint64_t limit, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return Error{"flate: cannot initialise zlib"};
  const std::size_t start = out->size();
  const std::uint64_t cap = limit + 1;
  std::uint64_t room = std::min<std::uint64_t>(cap, std::max<std::uint64_t>(4 * in.size(), 4096));
  out->resize(start + static_cast<std::size_t>(room));
  std::size_t done = 0;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), kMax32));
  std::size_t in_left = in.size() - z.avail_in;
  int rc = Z_OK;
  for (;;) {
    if (done == room) {
      if (room == cap) break;  // longer than declared
      room = std::min<std::uint64_t>(cap, 2 * room);
      out->resize(start + static_cast<std::size_t>(room));
    }
    if (z.avail_in == 0 && in_left > 0) {
      z.avail_in = static_cast<uInt>(std::min<std::size_t>(in_left, kMax32));
      in_left -= z.avail_in;
    }
    z.next_out = reinterpret_cast<Bytef*>(out->data() + start + done);
    z.avail_out = static_cast<uInt>(std::min<std::uint64_t>(room - done, kMax32));
    uInt out_before = z.avail_out, in_before = z.avail_in;
    rc = inflate(&z, Z_NO_FLUSH);
    done += out_before - z.avail_out;
    if (rc != Z_OK) break;
    if (out_before == z.avail_out && in_before == z.avail_in) break;  // input ended early
  }
  inflateEnd(&z);
  out->resize(start + done);
  if (rc == Z_STREAM_END || done == cap) return OkStatus();
  if (rc == Z_OK || rc == Z_BUF_ERROR) return Error{std::string(kErrUnexpectedEOF)};
  return Error{"flate: corrupt input"};
}

void Put(std::string* out, std::uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out->push_back(static_cast<char>(v >> (8 * i) & 0xff));
}

// Deflate compresses in as raw deflate data.
std::string Deflate(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    return {};
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

}  // namespace

std::uint32_t Crc32(std::string_view data) {
  uLong crc = ::crc32(0, nullptr, 0);
  const auto* p = reinterpret_cast<const Bytef*>(data.data());
  for (std::size_t left = data.size(); left > 0;) {
    uInt n = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
    crc = ::crc32(crc, p, n);
    p += n;
    left -= n;
  }
  return static_cast<std::uint32_t>(crc);
}

Result<Reader> Reader::Open(std::string data) {
  Reader r;
  r.data_ = std::move(data);
  std::string_view d = r.data_;
  std::size_t at = 0;
  if (!FindEnd(d, &at)) return Format();
  Result<End> end = ReadEnd(d, at);
  if (!end.ok()) return end.error();
  Cursor c(d.substr(end.value().dir_offset));
  // Each header takes at least kCentralHeaderLen bytes: a larger count is a lie, and
  // reserving for it would let a tiny file ask for a huge allocation.
  if (end.value().records <= d.size() / kCentralHeaderLen)
    r.files_.reserve(static_cast<std::size_t>(end.value().records));
  for (;;) {
    if (c.pos() + 4 > d.size() - end.value().dir_offset) break;
    Cursor peek(d.substr(end.value().dir_offset + c.pos()));
    if (peek.U32() != kCentralHeaderSig) break;
    Result<FileHeader> f = ReadHeader(&c);
    if (!f.ok()) return f.error();
    r.files_.push_back(std::move(f.value()));
  }
  // As archive/zip: the count must agree, modulo 2^16 (old writers wrapped it).
  if (static_cast<std::uint16_t>(r.files_.size()) !=
      static_cast<std::uint16_t>(end.value().records))
    return Format();
  return r;
}

Status Reader::Body(const FileHeader& f, std::string_view* body) const {
  std::string_view d = data_;
  if (f.header_offset > d.size() || d.size() - f.header_offset < kLocalHeaderLen) return Format();
  Cursor c(d.substr(f.header_offset));
  if (c.U32() != kLocalHeaderSig) return Format();
  c.Uint(22);  // versions, flags, method, time, crc and sizes: the central ones count
  std::size_t name_len = c.U16(), extra_len = c.U16();
  std::uint64_t start = f.header_offset + kLocalHeaderLen + name_len + extra_len;
  if (start > d.size() || d.size() - start < f.compressed_size) return Format();
  *body = d.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(f.compressed_size));
  if ((f.flags & kFlagDataDescriptor) != 0) {
    // The descriptor after the data repeats the CRC-32 (archive/zip checks it).
    Cursor dd(d.substr(static_cast<std::size_t>(start + f.compressed_size)));
    std::uint32_t v = dd.U32();
    if (v == kDataDescriptorSig) v = dd.U32();
    if (dd.bad) return Format();
    if (v != f.crc32) return Error{std::string(kErrChecksum)};
  }
  return OkStatus();
}

Status Reader::ReadFile(std::size_t i, std::string* out) const {
  const FileHeader& f = files_[i];
  std::string_view body;
  if (Status s = Body(f, &body); !s.ok()) return s;
  std::size_t start = out->size();
  if (f.method == 0) {
    out->append(body.substr(0, static_cast<std::size_t>(
                                   std::min<std::uint64_t>(body.size(), f.uncompressed_size + 1))));
  } else if (f.method == 8) {
    if (Status s = Inflate(body, f.uncompressed_size, out); !s.ok()) return s;
  } else {
    return Error{std::string(kErrAlgorithm)};
  }
  // As archive/zip's checksumReader: more than declared is a format error, less an
  // unexpected end.
  if (out->size() - start > f.uncompressed_size) return Format();
  if (out->size() - start < f.uncompressed_size) return Error{std::string(kErrUnexpectedEOF)};
  // A zero CRC-32 without a data descriptor is not checked, as archive/zip does not
  // (some writers leave it out).
  bool has_descriptor = (f.flags & kFlagDataDescriptor) != 0;
  if ((f.crc32 != 0 || has_descriptor) && Crc32(std::string_view(*out).substr(start)) != f.crc32)
    return Error{std::string(kErrChecksum)};
  return OkStatus();
}

void Writer::Add(const std::string& name, std::string_view content) {
  FileHeader f;
  f.name = name;
  f.flags = kFlagUTF8;
  f.crc32 = Crc32(content);
  f.uncompressed_size = content.size();
  f.header_offset = out_.size();
  std::string packed = content.empty() ? std::string() : Deflate(content);
  f.method = !packed.empty() && packed.size() < content.size() ? 8 : 0;
  std::string_view body = f.method == 8 ? std::string_view(packed) : content;
  f.compressed_size = body.size();
  bool big = f.uncompressed_size >= kMax32 || f.compressed_size >= kMax32;
  Put(&out_, kLocalHeaderSig, 4);
  Put(&out_, big ? 45 : 20, 2);
  Put(&out_, f.flags, 2);
  Put(&out_, f.method, 2);
  Put(&out_, 0x00210000, 4);  // 1980-01-01 00:00, a fixed time: the content is what counts
  Put(&out_, f.crc32, 4);
  Put(&out_, big ? kMax32 : f.compressed_size, 4);
  Put(&out_, big ? kMax32 : f.uncompressed_size, 4);
  Put(&out_, name.size(), 2);
  Put(&out_, big ? 20 : 0, 2);
  out_ += name;
  if (big) {
    Put(&out_, kZip64ExtraId, 2);
    Put(&out_, 16, 2);
    Put(&out_, f.uncompressed_size, 8);
    Put(&out_, f.compressed_size, 8);
  }
  out_.append(body);
  files_.push_back(std::move(f));
}

std::string Writer::Finish() {
  std::uint64_t dir_offset = out_.size();
  for (const FileHeader& f : files_) {
    bool big_usize = f.uncompressed_size >= kMax32, big_csize = f.compressed_size >= kMax32;
    bool big_offset = f.header_offset >= kMax32;
    std::string extra;
    if (big_usize) Put(&extra, f.uncompressed_size, 8);
    if (big_csize) Put(&extra, f.compressed_size, 8);
    if (big_offset) Put(&extra, f.header_offset, 8);
    if (!extra.empty()) {
      std::string field;
      Put(&field, kZip64ExtraId, 2);
      Put(&field, extra.size(), 2);
      extra = field + extra;
    }
    bool is_dir = !f.name.empty() && f.name.back() == '/';
    Put(&out_, kCentralHeaderSig, 4);
    Put(&out_, 0x0300 | (extra.empty() ? 20 : 45), 2);  // made by Unix
    Put(&out_, extra.empty() ? 20 : 45, 2);
    Put(&out_, f.flags, 2);
    Put(&out_, f.method, 2);
    Put(&out_, 0x00210000, 4);
    Put(&out_, f.crc32, 4);
    Put(&out_, big_csize ? kMax32 : f.compressed_size, 4);
    Put(&out_, big_usize ? kMax32 : f.uncompressed_size, 4);
    Put(&out_, f.name.size(), 2);
    Put(&out_, extra.size(), 2);
    Put(&out_, 0, 2);  // comment
    Put(&out_, 0, 2);  // disk
    Put(&out_, 0, 2);  // internal attributes
    Put(&out_, std::uint64_t{is_dir ? 040755u : 0100644u} << 16, 4);
    Put(&out_, big_offset ? kMax32 : f.header_offset, 4);
    out_ += f.name;
    out_ += extra;
  }
  std::uint64_t dir_size = out_.size() - dir_offset;
  bool big = files_.size() >= kMax16 || dir_size >= kMax32 || dir_offset >= kMax32;
  if (big) {
    std::uint64_t end64 = out_.size();
    Put(&out_, kEnd64Sig, 4);
    Put(&out_, kEnd64Len - 12, 8);
    Put(&out_, 45, 2);
    Put(&out_, 45, 2);
    Put(&out_, 0, 4);
    Put(&out_, 0, 4);
    Put(&out_, files_.size(), 8);
    Put(&out_, files_.size(), 8);
    Put(&out_, dir_size, 8);
    Put(&out_, dir_offset, 8);
    Put(&out_, kEnd64LocatorSig, 4);
    Put(&out_, 0, 4);
    Put(&out_, end64, 8);
    Put(&out_, 1, 4);
  }
  Put(&out_, kEndSig, 4);
  Put(&out_, 0, 4);  // disks
  Put(&out_, big ? kMax16 : files_.size(), 2);
  Put(&out_, big ? kMax16 : files_.size(), 2);
  Put(&out_, big ? kMax32 : dir_size, 4);
  Put(&out_, big ? kMax32 : dir_offset, 4);
  Put(&out_, 0, 2);  // comment
  files_.clear();
  return std::move(out_);
}

}  // namespace gotool::modcache::zip
