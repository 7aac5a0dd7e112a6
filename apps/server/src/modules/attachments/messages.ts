import { type Text, text } from '@linli/contracts';

/** Why an upload or a claim was refused, in both languages. */
export const ATTACHMENT_MESSAGES = {
  noFile: () => text('请选择要上传的图片', 'Choose an image to upload'),
  wrongType: () => text('只能上传 JPEG、PNG 或 WebP 图片', 'Only JPEG, PNG or WebP images can be uploaded'),
  tooMany: (max: number, hours: number) =>
    text(`${hours} 小时内最多上传 ${max} 张未使用的图片，请稍后再试`, `At most ${max} unused images per ${hours} hours; try again later`),
  unknown: () => text('附件不存在、不属于你或已被使用', 'An attachment is unknown, not yours, or already used'),
} satisfies Record<string, (...args: never[]) => Text>;
