// The pure parts of www/inputs.js: text decoding (UTF-8, UTF-16 LE/BE with and without a
// byte-order mark, Windows-1252), binary refusal, Markdown to text, the ZIP reader and .docx
// text on a document built here with node:zlib. Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zip as zipBuffer } from './zipfile.mjs';
import {
  decode, decodeWindows1252, guessUtf16, markdownToText, readZip, zipEntry, wordXmlToText, docxToText,
  fileKind, InputError, ZipError,
} from '../../www/inputs.js';

const SAMPLE = '“Ça va,” said Zoë Brontë in Kraków — naïve café, 20 €. 😀';

const utf16le = (s) => Buffer.from(s, 'utf16le');
const utf16be = (s) => { const b = Buffer.from(s, 'utf16le'); b.swap16(); return b; };

test('UTF-8 with and without a byte-order mark', () => {
  assert.equal(decode(Buffer.from(SAMPLE, 'utf8')), SAMPLE);
  assert.equal(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])), SAMPLE);
});

test('UTF-16 LE and BE with a byte-order mark', () => {
  assert.equal(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(SAMPLE)])), SAMPLE);
  assert.equal(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)])), SAMPLE);
});

test('UTF-16 LE and BE without a byte-order mark, by the NUL bytes', () => {
  const text = 'The mayor said: “We open the bridge on Monday.”\r\nÉlodie agreed.';
  assert.equal(guessUtf16(utf16le(text)), 'utf-16le');
  assert.equal(guessUtf16(utf16be(text)), 'utf-16be');
  assert.equal(decode(utf16le(text)), text);
  assert.equal(decode(utf16be(text)), text);
  // Plain UTF-8 and Windows-1252 are never taken for UTF-16.
  assert.equal(guessUtf16(Buffer.from(text, 'utf8')), null);
});

test('Windows-1252: every byte 0x80–0x9F maps to its character, and invalid UTF-8 falls back to it', () => {
  const expected = { 0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
    0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–',
    0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ' };
  for (const [byte, ch] of Object.entries(expected)) {
    assert.equal(decodeWindows1252(new Uint8Array([0x41, Number(byte)])), 'A' + ch, 'byte 0x' + Number(byte).toString(16));
  }
  // Latin-1 range and ASCII pass through.
  assert.equal(decodeWindows1252(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0xa0, 0xff])), 'Café\u00a0ÿ');
  // A typical 1252 file: curly quotes, a dash and an accented name; not valid UTF-8.
  const bytes = Buffer.from([0x93, ...Buffer.from('We are ready,', 'latin1'), 0x94, ...Buffer.from(' said Ren', 'latin1'), 0xe9,
    ...Buffer.from(' Dupont ', 'latin1'), 0x96, ...Buffer.from(' 5 ', 'latin1'), 0x80, 0x85]);
  assert.equal(decode(bytes), '“We are ready,” said René Dupont – 5 €…');
});

test('binary files are refused with a message that says so', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  assert.throws(() => decode(png, '“x.png”'), (e) => e instanceof InputError && /“x.png” looks like a binary file/.test(e.message));
  const controls = Buffer.from(Array.from({ length: 600 }, (_, i) => [1, 2, 3, 65, 66, 67, 0x1b, 0x7f][i % 8]));
  assert.throws(() => decode(controls), /binary/);
  // Little-endian 16-bit numbers look like UTF-16 by their NUL bytes, but decode to control characters.
  const numbers = Buffer.alloc(400);
  for (let i = 0; i < 200; i++) numbers.writeUInt16LE(i % 31, i * 2);
  assert.throws(() => decode(numbers), /binary/);
});

test('Markdown: headings, lists and paragraphs become paragraphs; the syntax goes', () => {
  const md = [
    '---', 'title: front matter', '---',
    '# Mayor opens the *new* bridge',
    '',
    'The mayor, **Jane Smith**, spoke in',
    '[Lyon](https://example.org/lyon) on Monday.',
    '',
    '> “We will win this,” she said.',
    '',
    '- first_point stays snake_case',
    '- second point with `code`',
    '',
    'Setext heading',
    '==============',
    '',
    '***',
    '![a photo of the bridge](bridge.jpg)',
    '',
    '[ref]: https://example.org',
  ].join('\n');
  assert.equal(markdownToText(md), [
    'Mayor opens the new bridge',
    'The mayor, Jane Smith, spoke in Lyon on Monday.',
    '“We will win this,” she said.',
    'first_point stays snake_case',
    'second point with code',
    'Setext heading',
    'a photo of the bridge',
  ].join('\n\n'));
});

test('Markdown: fenced code is kept verbatim, CRLF line ends are read', () => {
  assert.equal(markdownToText('Intro\r\n\r\n```\r\nline *one*\r\nline two\r\n```\r\nAfter'), 'Intro\n\nline *one*\nline two\n\nAfter');
});

// ---------------------------------------------------------------- ZIP and .docx

const zip = (files) => new Uint8Array(zipBuffer(files));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Mayor opens the bridge</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">“We will win this,” said </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Jane Smith</w:t></w:r><w:r><w:t xml:space="preserve"> in Lyon &amp; Paris.</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Role</w:t><w:br/><w:t>Second line</w:t></w:r><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box &#8217;s &#x201C;q&#x201D;</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>`;
const EXPECTED = [
  'Mayor opens the bridge',
  '“We will win this,” said Jane Smith in Lyon & Paris.',
  'Name\tRole\nSecond line',
  'Box text',
  'After the box ’s “q”',
].join('\n\n');

const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const docx = (extra = {}) => zip([
  { name: '[Content_Types].xml', data: '<Types/>', method: 0 },
  { name: '_rels/.rels', data: RELS },
  { name: 'word/document.xml', data: DOCUMENT, ...extra },
]);

test('the ZIP reader lists entries and reads stored and deflated ones', async () => {
  const bytes = zip([{ name: 'a.txt', data: 'stored text', method: 0 }, { name: 'dir/b.txt', data: 'deflated text '.repeat(100) }]);
  const entries = readZip(bytes);
  assert.deepEqual([...entries.keys()], ['a.txt', 'dir/b.txt']);
  assert.equal(entries.get('dir/b.txt').method, 8);
  assert.ok(entries.get('dir/b.txt').compressedSize < entries.get('dir/b.txt').size);
  const text = async (name) => new TextDecoder().decode(await zipEntry(bytes, entries.get(name)));
  assert.equal(await text('a.txt'), 'stored text');
  assert.equal(await text('dir/b.txt'), 'deflated text '.repeat(100));
});

test('WordprocessingML: paragraphs from w:p/w:t, w:tab, w:br; deletions and fallbacks left out', () => {
  assert.equal(wordXmlToText(DOCUMENT), EXPECTED);
  // Another prefix for the same namespace.
  const other = DOCUMENT.replaceAll('w:', 'x:').replace('xmlns:w=', 'xmlns:x=');
  assert.equal(wordXmlToText(other), EXPECTED);
});

test('WordprocessingML: text moved away by a tracked change is left out, the moved-to text kept', () => {
  const xml = `<w:document ${W}><w:body><w:p><w:moveFrom w:id="1"><w:r><w:t>Old place. </w:t></w:r></w:moveFrom>`
    + `<w:r><w:t>Kept.</w:t></w:r><w:moveTo w:id="2"><w:r><w:t> New place.</w:t></w:r></w:moveTo></w:p></w:body></w:document>`;
  assert.equal(wordXmlToText(xml), 'Kept. New place.');
});

test('.docx: the text of a document built here, deflated and stored', async () => {
  assert.equal(await docxToText(docx()), EXPECTED);
  assert.equal(await docxToText(docx({ method: 0 })), EXPECTED);
});

test('.docx: damaged, encrypted or not a docx at all: a clear message', async () => {
  const good = docx();
  // Cut short: the end of the archive is missing.
  await assert.rejects(docxToText(good.subarray(0, good.length - 40), '“cut.docx”'),
    (e) => e instanceof InputError && /“cut.docx” cannot be read as a \.docx/.test(e.message));
  // The deflated document garbled in the middle.
  const bad = good.slice();
  const at = Buffer.from(bad).indexOf('word/document.xml') + 'word/document.xml'.length + 10;
  for (let i = 0; i < 30; i++) bad[at + i] ^= 0x5a;
  await assert.rejects(docxToText(bad, '“bad.docx”'), (e) => e instanceof InputError && /“bad.docx”/.test(e.message) && /damaged/.test(e.message));
  // A ZIP entry with the encryption flag.
  await assert.rejects(docxToText(docx({ flags: 1 }), '“locked.docx”'), /encrypted/);
  // Office encrypts a .docx into an OLE compound file.
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  await assert.rejects(docxToText(ole, '“secret.docx”'), /password-protected/);
  await assert.rejects(docxToText(new TextEncoder().encode('just text'), '“text.docx”'), /not a valid \.docx/);
  // A ZIP without word/document.xml.
  await assert.rejects(docxToText(zip([{ name: 'x.txt', data: 'x' }]), '“other.docx”'), /no word\/document\.xml/);
  // A part that says it unpacks to less than it does (a ZIP bomb would lie the other way too).
  const lying = zip([{ name: 'word/document.xml', data: 'x'.repeat(5000) }]);
  const entries = readZip(lying);
  await assert.rejects(zipEntry(lying, { ...entries.get('word/document.xml'), size: 100 }), ZipError);
});

test('file kinds by name', () => {
  assert.equal(fileKind('A.DOCX'), 'docx');
  assert.equal(fileKind('old.doc'), 'doc');
  assert.equal(fileKind('page.htm'), 'html');
  assert.equal(fileKind('notes.markdown'), 'markdown');
  assert.equal(fileKind('report.pdf'), 'unsupported');
  assert.equal(fileKind('picture.svg'), 'text');
  assert.equal(fileKind('README'), 'text');
});

test('hostile Markdown and WordprocessingML take linear time', () => {
  const n = 200000;
  const inputs = [
    '[' .repeat(n),
    '**a '.repeat(n),
    '<a'.repeat(n),
    '![x'.repeat(n),
    '# ' + ' '.repeat(n) + 'x',
    '~~a '.repeat(n),
  ];
  for (const md of inputs) {
    const t0 = performance.now();
    markdownToText(md);
    const ms = performance.now() - t0;
    assert.ok(ms < 1500, `${JSON.stringify(md.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
  }
  for (const xml of ['<w:p>'.repeat(n), '<'.repeat(n), '<mc:Fallback>'.repeat(n), `<w:document ${W}>` + '<w:r><w:t>x'.repeat(n)]) {
    const t0 = performance.now();
    wordXmlToText(xml);
    const ms = performance.now() - t0;
    assert.ok(ms < 1500, `${JSON.stringify(xml.slice(0, 14))}… took ${ms.toFixed(0)} ms`);
  }
});
