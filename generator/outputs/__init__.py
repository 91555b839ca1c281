"""Files beside the pages: document copies, banners, calendars, open data, share images, host files."""
