import type { NumberedKind } from '../schemas/index.ts';

/** The narrative part of a new record, in Chinese. Personal data belongs only under `client:`. */
export const recordBodies: Record<NumberedKind, string> = {
  case: `## 个案概述

（简述求助问题与背景。不要在正文中写入案主姓名、证件号、电话、住址等个人信息，这些只写在加密的 client 中，用 swa edit 填写。）

## 评估与计划说明

## 服务过程

## 结案与追踪
`,
  consultation: `## 咨询/访谈经过

（记录目的、内容与需求分析。不要在正文中写入个人信息。）
`,
  group: `## 小组背景与理念

## 小组过程与成效

## 反思与建议
`,
  community: `## 社区背景与需求

## 活动过程与调整

## 成效与反思
`,
  supervision: `## 督导过程

（记录讨论的要点。提到服务记录时只写记录编号，例如 cases/2026-0001，不写服务对象的姓名或任何个人信息：G-CONFIDENTIAL。）

## 督导反思
`,
};
