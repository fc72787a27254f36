// Custom Label imports resolve to the label's name by default (`c.WA_Card_Loading`). Serving the
// English values from labels/CustomLabels.labels-meta.xml instead lets tests read what a rep reads,
// with placeholders filled, and fails a test whose label is missing from the metadata.
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const { XMLParser } = require('fast-xml-parser')

const file = join(__dirname, '..', 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml')
const parsed = new XMLParser({ isArray: (name) => name === 'labels' }).parse(readFileSync(file, 'utf8'))
for (const label of parsed.CustomLabels.labels) {
  jest.doMock(`@salesforce/label/c.${label.fullName}`, () => ({ default: String(label.value) }), {
    virtual: true,
  })
}
