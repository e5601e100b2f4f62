// A small writer of JSON as Go's encoding/json.MarshalIndent(v, "", "\t") lays it out.
#pragma once

#include <string>
#include <string_view>

namespace gotool::modcache {

// JSONQuote returns s as a JSON string the way encoding/json writes it: <, > and &
// as \u003c, \u003e, \u0026; U+2028 and U+2029 escaped; invalid UTF-8 as \ufffd.
std::string JSONQuote(std::string_view s);

// JSONWriter writes nested objects and arrays with tab indentation.
class JSONWriter {
 public:
  // BeginObject starts an object as a value ("key": { or a bare {).
  void BeginObject(std::string_view key = {});
  void EndObject();
  void BeginArray(std::string_view key);
  void EndArray();
  // String writes "key": "value"; Null writes "key": null; Bool writes a boolean.
  void String(std::string_view key, std::string_view value);
  void Null(std::string_view key);
  void Bool(std::string_view key, bool value);
  // Take returns the text written, with a final newline.
  std::string Take();

 private:
  void Key(std::string_view key);
  void Indent();

  std::string out_;
  int depth_ = 0;
  bool first_ = true;
};

}  // namespace gotool::modcache
