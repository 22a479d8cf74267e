/// The widget script and its demo page as the HTTP server sends them.
///
/// The files themselves are `Widget/widget.js` and `Widget/demo.html`, embedded in
/// ``WidgetAssets`` by `scripts/embed_widget.py`; here they are converted to bytes once.
enum StaticAssets {
    static let widgetContentType = "text/javascript; charset=utf-8"
    static let pageContentType = "text/html; charset=utf-8"

    /// `GET /widget.js`.
    static let widgetScript = Array(WidgetAssets.widgetJS.utf8)
    /// `GET /`: a page that shows the widget.
    static let indexPage = Array(WidgetAssets.demoHTML.utf8)
}
