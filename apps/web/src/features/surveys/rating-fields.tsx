import type { SurveyAnswerInput, SurveyQuestion } from '@linli/contracts';
import { Form, Input, Rate } from 'antd';

export type AnswerValues = { ratings: Record<string, number>; texts?: Record<string, string> };

/** One form item per question: stars for ratings (required), a text box for free text; names match the API's issue paths. */
export function RatingFields({ questions, size = 24 }: { questions: readonly SurveyQuestion[]; size?: number }) {
  return (
    <>
      {questions.map((q) =>
        q.kind === 'rating' ? (
          <Form.Item key={q.key} name={['ratings', q.key]} label={q.label} rules={[{ required: true, message: q.label }]}>
            <Rate style={{ fontSize: size }} data-testid={`survey-rate-${q.key}`} />
          </Form.Item>
        ) : (
          <Form.Item key={q.key} name={['texts', q.key]} label={q.label}>
            <Input.TextArea rows={2} maxLength={500} data-testid={`survey-text-${q.key}`} />
          </Form.Item>
        ),
      )}
    </>
  );
}

/** The form's values as the API takes them (empty texts dropped). */
export function answerOf(v: AnswerValues): Pick<SurveyAnswerInput, 'ratings' | 'texts'> {
  const texts = Object.fromEntries(Object.entries(v.texts ?? {}).filter((e): e is [string, string] => Boolean(e[1]?.trim())));
  return { ratings: v.ratings, texts };
}
