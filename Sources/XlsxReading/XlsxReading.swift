// XlsxReading
