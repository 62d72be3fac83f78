"""A LibreTranslate-compatible stand-in on loopback for the browser tests: `POST /translate` with
{"q", "source", "target", "format", "api_key"} answers {"translatedText"}, "translating" by putting
the target language in front. It keeps what it received in memory, readable at `GET /received`
(loopback only), so tests can check that only the text was sent.

Usage: python3 translation_standin.py PORT API_KEY"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

received = []


class StandIn(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != "/translate":
            return self.answer(404, {"error": "Not Found"})
        length = int(self.headers.get("Content-Length", "0"))
        if length > 1_000_000:
            return self.answer(413, {"error": "Too large"})
        body = json.loads(self.rfile.read(length) or b"{}")
        received.append(body)
        if body.get("api_key") != sys.argv[2]:
            return self.answer(403, {"error": "Invalid API key"})
        return self.answer(200, {"translatedText": f"[{body.get('target')}] {body.get('q', '')}"})

    def do_GET(self):
        if self.path == "/received":
            return self.answer(200, received)
        return self.answer(404, {"error": "Not Found"})

    def answer(self, status, value):
        data = json.dumps(value, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), StandIn).serve_forever()
