/// The website widget's files, embedded so that `senguide serve` needs nothing beside it:
/// `widgetJS` (Widget/widget.js) and `demoHTML` (Widget/demo.html), one generated file each
/// (`WidgetAssets+WidgetScript.swift`, `WidgetAssets+DemoPage.swift`), written by
/// `scripts/embed_widget.py`. Change the files under Widget/, then run that script.
enum WidgetAssets {}
