/// The widget script and the page that shows it.
///
/// Placeholders until the widget exists: `/widget.js` defines `SENGuide.mount(element)`,
/// which asks `/v1/ask` and shows the summary, and `/` is a page using it.
enum StaticAssets {
    static let widgetContentType = "text/javascript; charset=utf-8"
    static let pageContentType = "text/html; charset=utf-8"

    static let widgetScript = Array(
        """
        // SENGuide widget (placeholder). Usage: SENGuide.mount(document.getElementById("guide"))
        window.SENGuide = {
          mount(element, base = "") {
            const form = document.createElement("form");
            const input = document.createElement("input");
            const output = document.createElement("p");
            input.placeholder = "Ask about SEN Support";
            form.append(input);
            element.append(form, output);
            form.addEventListener("submit", async (event) => {
              event.preventDefault();
              const response = await fetch(base + "/v1/ask?q=" + encodeURIComponent(input.value));
              const answer = await response.json();
              output.textContent = answer.summary ?? (answer.error && answer.error.message) ?? "";
            });
          },
        };

        """.utf8)

    static let indexPage = Array(
        """
        <!doctype html>
        <html lang="en">
        <meta charset="utf-8">
        <title>SENGuide</title>
        <h1>SENGuide</h1>
        <p>Cited answers from the SEN Support guidance.</p>
        <div id="guide"></div>
        <script src="/widget.js"></script>
        <script>SENGuide.mount(document.getElementById("guide"));</script>
        </html>

        """.utf8)
}
