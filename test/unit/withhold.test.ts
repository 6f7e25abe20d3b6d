import { describe, expect, it } from 'vitest';
import { withholdPersonal, withholdText } from '../../src/site/withhold.ts';

const options = { allowedNumbers: ['12355'], known: new Set(['陈一禾']) };

describe('what the de-identified site withholds [G-CONFIDENTIAL]', () => {
  it('masks scanner hits everywhere and suspected names in the title and short fields, on a copy', () => {
    const data = {
      title: '王女士亲子沟通个案',
      basicInfo: { presentingIssue: '母亲来电 186.2000.3344，QQ 2865123470', source: '黄晓婷' },
      funding: { signer: '陈一禾' },
      hotline: '12355',
      client: '-----BEGIN AGE ENCRYPTED FILE-----',
    };
    expect(withholdPersonal(data, options)).toEqual({
      title: '〔已隐去〕亲子沟通个案',
      basicInfo: { presentingIssue: '母亲来电 〔已隐去〕，QQ 〔已隐去〕', source: '〔已隐去〕' },
      funding: { signer: '陈一禾' },
      hotline: '12355',
      client: '-----BEGIN AGE ENCRYPTED FILE-----',
    });
    expect(data.title).toBe('王女士亲子沟通个案');
  });

  it('masks a text’s scanner hits only', () => {
    expect(withholdText('第 3 行出现手机号 139 1234 5678', options)).toBe('第 3 行出现手机号 〔已隐去〕');
    expect(withholdText('参与费用为 20 元，应为 0', options)).toBe('参与费用为 20 元，应为 0');
  });
});
