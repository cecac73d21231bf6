//! HTML, WARC and feed readers: article extraction from web pages.
