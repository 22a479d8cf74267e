"""Drives the HTTP server with Python's http.client; run by Tests/GuideServerTests/ExternalClientTests.

Usage: python3 http_client_check.py PORT. Prints "ok" and exits 0, or fails an assert.
"""
import http.client
import json
import sys


def main(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)

    conn.request("GET", "/healthz")
    first_socket = conn.sock
    response = conn.getresponse()
    assert response.status == 200, response.status
    assert response.getheader("Content-Type") == "application/json; charset=utf-8"
    assert json.loads(response.read())["status"] == "ok"

    conn.request("GET", "/v1/ask?q=" + "can%20under-5s%20have%20SEN")
    response = conn.getresponse()
    assert response.status == 200
    assert json.loads(response.read())["kind"] == "answer"

    body = json.dumps({"question": "and then?", "history": ["what is SEN support"]})
    conn.request("POST", "/v1/ask", body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    assert response.status == 200
    assert json.loads(response.read())["history"] == 1

    conn.request("HEAD", "/v1/search?q=x")
    response = conn.getresponse()
    assert response.status == 200
    assert int(response.getheader("Content-Length")) > 0
    assert response.read() == b""

    conn.request("GET", "/nowhere")
    response = conn.getresponse()
    assert response.status == 404
    assert json.loads(response.read())["error"]["code"] == "not_found"

    conn.request("PUT", "/v1/ask", body="{}")
    response = conn.getresponse()
    assert response.status == 405
    assert response.getheader("Allow") == "GET, HEAD, POST, OPTIONS"
    response.read()

    assert conn.sock is first_socket, "the connection was not kept alive"

    conn.putrequest("POST", "/v1/ask")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    conn.send(b"2\r\n{}\r\n0\r\n\r\n")
    response = conn.getresponse()
    assert response.status == 501, response.status
    assert response.getheader("Connection") == "close"
    response.read()
    conn.close()
    print("ok")


if __name__ == "__main__":
    main(int(sys.argv[1]))
