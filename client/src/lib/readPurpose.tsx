import { useEffect, useSyncExternalStore } from 'react';
import { Button, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Middleware } from 'openapi-fetch';

/**
 * AUD-04: whoever opens personal data in full states why. The SPA asks once per working session (sessionStorage: this tab,
 * until the browser tab closes or someone signs in or out) and sends the purpose with every request; an answer that still asks
 * for it (400 read-purpose-required) opens the question, and the request is sent again once a purpose is chosen.
 */
export type ReadPurposeCode = 'review' | 'inspection' | 'complaint' | 'correction' | 'audit' | 'other';

export interface ReadPurpose {
  code: ReadPurposeCode;
  /** Required for 其他: what the purpose is, at most 100 characters. */
  note?: string;
}

/** The purposes the server accepts (X-Read-Purpose), as people read them. */
export const readPurposes: { code: ReadPurposeCode; name: string }[] = [
  { code: 'review', name: '审核' },
  { code: 'inspection', name: '监督检查' },
  { code: 'complaint', name: '投诉处理' },
  { code: 'correction', name: '证书补正' },
  { code: 'audit', name: '审计' },
  { code: 'other', name: '其他' },
];

export const NoteMaxLength = 100;
export const PurposeHeader = 'X-Read-Purpose';
export const PurposeNoteHeader = 'X-Read-Purpose-Note';
const storageKey = 'assessment.readPurpose';
const refusalCodes = ['read-purpose-required', 'read-purpose-invalid'];

const isCode = (value: unknown): value is ReadPurposeCode => readPurposes.some((p) => p.code === value);

/** A purpose the server will take: a known code, and for 其他 a note of 1–100 characters. */
export function isComplete(p: ReadPurpose | null | undefined): p is ReadPurpose {
  if (!p || !isCode(p.code)) return false;
  if (p.code !== 'other') return true;
  const note = p.note?.trim() ?? '';
  return note.length > 0 && note.length <= NoteMaxLength;
}

// --- the stored purpose and the open question, shared by the API client, downloads and the React tree ---

interface State {
  purpose: ReadPurpose | null;
  /** The question shown now (the modal is open), with those waiting for its answer. */
  asking: { waiting: ((p: ReadPurpose | null) => void)[] } | null;
}

let state: State = { purpose: load(), asking: null };
const listeners = new Set<() => void>();
let hosts = 0;

function load(): ReadPurpose | null {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(storageKey);
    const parsed = raw ? (JSON.parse(raw) as ReadPurpose) : null;
    return isComplete(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function update(next: Partial<State>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The purpose chosen in this working session, or null. */
export const currentReadPurpose = () => state.purpose;

/** Keeps (or, with null, forgets) the purpose for this working session. */
export function setReadPurpose(purpose: ReadPurpose | null) {
  const kept = isComplete(purpose) ? { code: purpose.code, ...(purpose.code === 'other' ? { note: purpose.note!.trim() } : {}) } : null;
  try {
    if (kept) sessionStorage.setItem(storageKey, JSON.stringify(kept));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // storage unavailable (private mode): the purpose lasts as long as the page
  }
  update({ purpose: kept });
}

/** 审核, or 其他：核对投诉材料 for 其他 with its note. */
export function readPurposeName(p: ReadPurpose): string {
  const name = readPurposes.find((x) => x.code === p.code)?.name ?? p.code;
  return p.code === 'other' && p.note ? `${name}：${p.note}` : name;
}

/** The headers that state the purpose (none while none is chosen); the note percent-encoded, as headers carry ASCII only. */
export function readPurposeHeaders(p: ReadPurpose | null = state.purpose): Record<string, string> {
  if (!isComplete(p)) return {};
  return p.code === 'other' ? { [PurposeHeader]: p.code, [PurposeNoteHeader]: encodeURIComponent(p.note!.trim()) } : { [PurposeHeader]: p.code };
}

/**
 * Asks for the purpose (the modal of <ReadPurposeHost />): the chosen purpose, or null when the person declines — or at once
 * when no host is mounted to ask. Requests refused at the same time wait for the same question.
 */
export function askReadPurpose(): Promise<ReadPurpose | null> {
  if (hosts === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    if (state.asking) update({ asking: { waiting: [...state.asking.waiting, resolve] } });
    else update({ asking: { waiting: [resolve] } });
  });
}

/** The answer to the open question: the purpose is kept (when one was chosen) and everyone waiting goes on. */
export function answerReadPurpose(purpose: ReadPurpose | null) {
  const waiting = state.asking?.waiting ?? [];
  if (purpose) setReadPurpose(purpose);
  update({ asking: null });
  waiting.forEach((resolve) => resolve(purpose ? state.purpose : null));
}

/** Whether an answer is the server asking for the purpose (400 with code read-purpose-required or read-purpose-invalid, AUD-04). */
export async function isPurposeRefusal(response: Response): Promise<boolean> {
  if (response.status !== 400) return false;
  try {
    const body = (await response.clone().json()) as { code?: string };
    return refusalCodes.includes(body.code ?? '');
  } catch {
    return false;
  }
}

function withPurpose(headers: HeadersInit | undefined, purpose: ReadPurpose | null): Headers {
  const merged = new Headers(headers);
  merged.delete(PurposeHeader);
  merged.delete(PurposeNoteHeader);
  for (const [name, value] of Object.entries(readPurposeHeaders(purpose))) merged.set(name, value);
  return merged;
}

/**
 * fetch with the purpose stated; when the server still asks for it, the question is put and the request sent once more
 * with the answer. Declined: the server's refusal is returned as it came. For downloads and photos (GETs).
 */
export async function fetchWithPurpose(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, headers: withPurpose(init.headers, state.purpose) });
  if (!(await isPurposeRefusal(response))) return response;
  const chosen = await askReadPurpose();
  return chosen ? fetch(url, { ...init, headers: withPurpose(init.headers, chosen) }) : response;
}

/** The API client's middleware: the purpose on every request; a GET refused for want of it is asked about and sent again. */
export const readPurposeMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(readPurposeHeaders())) request.headers.set(name, value);
    return request;
  },
  async onResponse({ request, response }) {
    if (request.method !== 'GET' || !(await isPurposeRefusal(response))) return undefined;
    const chosen = await askReadPurpose();
    if (!chosen) return undefined;
    return fetch(new Request(request, { headers: withPurpose(request.headers, chosen) }));
  },
};

// --- React ---

/** The purpose chosen in this working session (null while none is), kept current. */
export function useReadPurpose(): ReadPurpose | null {
  return useSyncExternalStore(subscribe, () => state.purpose, () => state.purpose);
}

/** Opens the question to change the purpose (from the header); declining keeps the current one. */
export const changeReadPurpose = () => void askReadPurpose();

/** Mounted once (in the layout): puts the question when a request or a person asks for it. */
export function ReadPurposeHost() {
  const asking = useSyncExternalStore(subscribe, () => state.asking, () => state.asking);
  const purpose = useReadPurpose();
  useEffect(() => {
    hosts++;
    return () => {
      hosts--;
      // nobody is left to answer: those waiting go on without a purpose
      if (hosts === 0 && state.asking) answerReadPurpose(null);
    };
  }, []);
  return <ReadPurposeModal open={!!asking} initial={purpose} onChoose={(p) => answerReadPurpose(p)} onCancel={() => answerReadPurpose(null)} />;
}

interface PurposeValues {
  code?: ReadPurposeCode;
  note?: string;
}

/** The question: six purposes, and for 其他 what it is (required, at most 100 characters). */
export function ReadPurposeModal({ open, initial, onChoose, onCancel }: {
  open: boolean;
  initial?: ReadPurpose | null;
  onChoose: (p: ReadPurpose) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<PurposeValues>();
  const code = Form.useWatch('code', form);
  return (
    <Modal open={open} title="请说明查阅个人信息的目的" okText="确定" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel}
      destroyOnHidden data-testid="read-purpose-modal">
      <Typography.Paragraph type="secondary">
        您要查看的内容包含个人信息（姓名、证件号码、联系电话、照片）。按规定须说明查阅目的：本次登录期间只问一次，可在页面顶部更改；
        每次查看完整信息都会记录查阅人、时间和目的，本人可查询被查阅的时间和目的。
      </Typography.Paragraph>
      <Form form={form} name="readPurpose" layout="vertical" preserve={false}
        initialValues={{ code: initial?.code, note: initial?.note }}
        onFinish={(v) => {
          const chosen: ReadPurpose = { code: v.code!, ...(v.code === 'other' ? { note: v.note?.trim() } : {}) };
          if (isComplete(chosen)) onChoose(chosen);
        }}>
        <Form.Item name="code" label="查阅目的" rules={[{ required: true, message: '请选择查阅目的' }]}>
          <Radio.Group orientation="vertical" aria-label="查阅目的" options={readPurposes.map((p) => ({ value: p.code, label: p.name }))} />
        </Form.Item>
        {code === 'other' && (
          <Form.Item name="note" label="具体目的"
            rules={[{ required: true, whitespace: true, message: '请说明具体目的' }, { max: NoteMaxLength, message: `不超过${NoteMaxLength}字` }]}>
            <Input.TextArea rows={2} maxLength={NoteMaxLength} showCount aria-label="具体目的" placeholder="如：核对群众来信反映的考生信息" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 「查阅目的：审核 · 更改」 for the header, once a purpose is chosen. */
export function ReadPurposeIndicator({ color }: { color?: string }) {
  const purpose = useReadPurpose();
  if (!purpose) return null;
  return (
    <span data-testid="read-purpose"
      style={{
        color, fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0, maxWidth: 260, lineHeight: 'normal',
      }}
      title={`查阅个人信息的目的：${readPurposeName(purpose)}`}>
      查阅目的：{readPurposeName(purpose)} ·
      <Button type="link" size="small" style={{ color, fontSize: 12, paddingInline: 4, height: 'auto' }} onClick={changeReadPurpose}>更改</Button>
    </span>
  );
}
