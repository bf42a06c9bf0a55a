import { describe, expect, it } from 'vitest';
import { docxHeaderLines, docxProperties, odtHeaderLines, odtProperties } from '../../../src/lib/import/header.ts';
import { parseXml } from '../../../src/lib/import/xml.ts';

describe('page headers and document properties', () => {
	it('reads a Word header: paragraphs, and table rows as 「欄位：值」 lines', () => {
		const header = parseXml(
			`<w:hdr xmlns:w="w"><w:p><w:r><w:t>臺北市政府警察局</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>文件編號</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>ISMS-P-005</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>版次</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1.0</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:hdr>`,
		);
		expect(docxHeaderLines(header)).toEqual(['臺北市政府警察局', '文件編號：ISMS-P-005　版次：1.0　']);
	});

	it('reads the headers of an ODT master page', () => {
		const styles = parseXml(
			`<office:document-styles xmlns:office="o" xmlns:style="s" xmlns:text="t"><office:master-styles><style:master-page><style:header><text:p>文件編號：ISMS-M-202　版次：2.0</text:p></style:header><style:footer><text:p>第 1 頁</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`,
		);
		expect(odtHeaderLines(styles)).toEqual(['文件編號：ISMS-M-202　版次：2.0']);
	});

	it('reads titles and custom properties', () => {
		const core = parseXml('<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title> 資訊安全政策 </dc:title></cp:coreProperties>');
		const custom = parseXml('<Properties xmlns:vt="v"><property name="文件編號"><vt:lpwstr>ISMS-M-001</vt:lpwstr></property></Properties>');
		expect(docxProperties(core, custom)).toEqual({ title: '資訊安全政策', fields: { 文件編號: 'ISMS-M-001' } });
		const meta = parseXml(
			'<office:document-meta xmlns:office="o" xmlns:meta="m" xmlns:dc="d"><office:meta><dc:title>計畫</dc:title><meta:user-defined meta:name="機密等級">一般</meta:user-defined></office:meta></office:document-meta>',
		);
		expect(odtProperties(meta)).toEqual({ title: '計畫', fields: { 機密等級: '一般' } });
		expect(docxProperties()).toEqual({ fields: {} });
	});
});
