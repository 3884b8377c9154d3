// The integrity check: its range as query parameters, and its report as a sentence an auditor can read.

/** The check's range (received time, [from, to)); both empty checks the whole log. */
export function integrityPath(form) {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value) {
      params.set(name, new Date(value).toISOString());
    }
  }
  const query = params.toString();
  return query ? `/api/audit/integrity?${query}` : '/api/audit/integrity';
}

/** The report as lines of text; the first says whether the log is intact. */
export function reportLines(report) {
  const range =
    report.firstSeq === null || report.firstSeq === undefined
      ? 'no records in the range'
      : `records ${report.firstSeq} to ${report.lastSeq}`;
  const counts = `${report.recordsVerified} records and ${report.digestsVerified} signed digests verified (${range}).`;
  if (report.intact) {
    return ['Intact: every record matches the hash chain and every signed digest verifies.', counts];
  }
  const lines = ['Broken: the log does not verify.', counts];
  const record = report.firstBrokenRecord;
  if (record) {
    lines.push(`First broken record: seq ${record.seq}, event ${record.eventId}: ${record.problem}. ${record.detail ?? ''}`);
  }
  const digest = report.firstBrokenDigest;
  if (digest) {
    lines.push(
      `First broken digest: #${digest.digestId} (${digest.periodStart} to ${digest.periodEnd}): ${digest.problem}. ${digest.detail ?? ''}`,
    );
  }
  return lines;
}
