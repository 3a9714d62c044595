<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
<context>
    <name></name>
    <message>
        <location filename="../../app/config.py" line="+125"/>
        <source>서버 주소. 어디에도 없으면 데모 서버를 띄웁니다.</source>
        <translation>Server address. If none is configured anywhere, a demo server is started.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>운영체제 인증서와 함께 신뢰할 인증서 파일(PEM) 경로.</source>
        <translation>Path of a certificate file (PEM) to trust in addition to the operating system's certificates.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>프록시 서버 주소. 비워 두면 시스템 설정을 따릅니다.</source>
        <translation>Proxy server address. Leave empty to follow the system settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>화면 언어: ko(한국어) 또는 en(영어).</source>
        <translation>Display language: ko (Korean) or en (English).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>로그인 상태 유지 (갱신 토큰만 키링에 보관).</source>
        <translation>Stay signed in (only the refresh token is kept in the keyring).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>세션 종료 몇 분 전에 알릴지(분).</source>
        <translation>How many minutes before the session ends to warn (minutes).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>글자 크기 배율(%), 100에서 200까지.</source>
        <translation>Text size (%), from 100 to 200.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>고대비 화면: 자동(운영체제의 고대비 설정을 따름), 켬 또는 끔.</source>
        <translation>High contrast: automatic (follows the operating system's high-contrast setting), on or off.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>서버 응답을 기다리는 시간(초).</source>
        <translation>How long to wait for the server (seconds).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>환경 변수</source>
        <translation>Environment variable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>정책</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>컴퓨터 전체 설정 ({location})</source>
        <translation>Computer-wide setting ({location})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>사용자 설정</source>
        <translation>User setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>기본값</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="+37"/>
        <source>{amount}원</source>
        <translation>KRW {amount}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{amount}천원</source>
        <translation>KRW {amount} thousand</translation>
    </message>
    <message>
        <source>항목</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>산출근거 항목 이름</source>
        <translation>Name of the calculation basis item</translation>
    </message>
    <message>
        <source>산출근거식</source>
        <translation>Formula</translation>
    </message>
    <message>
        <source>원 단위 산출근거식, 예: 40,000원*19명*12월</source>
        <translation>Calculation formula in won, e.g. 40,000원*19명*12월</translation>
    </message>
    <message>
        <source>금액(원)</source>
        <translation>Amount (KRW)</translation>
    </message>
    <message>
        <source>산출근거식 계산 결과(원)</source>
        <translation>Result of the formula (KRW)</translation>
    </message>
    <message>
        <source>금액(천원)</source>
        <translation>Amount (KRW thousand)</translation>
    </message>
    <message>
        <source>예산액(천원, 원 단위 올림)</source>
        <translation>Budget amount (KRW thousand, rounded up)</translation>
    </message>
    <message>
        <source>오류 및 안내</source>
        <translation>Errors and notes</translation>
    </message>
    <message>
        <source>산출근거식 오류 또는 가져온 식 안내</source>
        <translation>Formula errors, or a note on an imported formula</translation>
    </message>
    <message>
        <source>가져온 식을 그대로 둠: {flag}</source>
        <translation>Imported formula kept as it is: {flag}</translation>
    </message>
    <message>
        <source>{formula}, 오류</source>
        <translation>{formula}, error</translation>
    </message>
    <message>
        <source>경정액</source>
        <translation>Revised amount</translation>
    </message>
    <message>
        <source>경정액, 천원</source>
        <translation>Revised amount, KRW thousand</translation>
    </message>
    <message>
        <source>추가경정 후 금액(천원)</source>
        <translation>Amount after the supplementary budget (KRW thousand)</translation>
    </message>
    <message>
        <source>세입 목</source>
        <translation>Revenue item</translation>
    </message>
    <message>
        <source>세입 목 코드와 이름</source>
        <translation>Revenue item code and name</translation>
    </message>
    <message>
        <source>세부사업</source>
        <translation>Detailed program</translation>
    </message>
    <message>
        <source>세부사업 이름</source>
        <translation>Name of the detailed program</translation>
    </message>
    <message>
        <source>회계</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>회계 코드와 이름</source>
        <translation>Account code and name</translation>
    </message>
    <message>
        <source>통계목</source>
        <translation>Expenditure item</translation>
    </message>
    <message>
        <source>통계목 코드와 이름</source>
        <translation>Expenditure item code and name</translation>
    </message>
    <message>
        <source>재원</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>재원 구성</source>
        <translation>Funding sources</translation>
    </message>
    <message>
        <source>재원별 금액(천원)</source>
        <translation>Amount per funding source (KRW thousand)</translation>
    </message>
    <message>
        <source>기정액</source>
        <translation>Previous amount</translation>
    </message>
    <message>
        <source>기정액, 천원</source>
        <translation>Previous amount, KRW thousand</translation>
    </message>
    <message>
        <source>기정액 또는 전년도 예산액(천원)</source>
        <translation>Previous amount, or last year's budget (KRW thousand)</translation>
    </message>
    <message>
        <source>요구액</source>
        <translation>Requested amount</translation>
    </message>
    <message>
        <source>요구액, 천원</source>
        <translation>Requested amount, KRW thousand</translation>
    </message>
    <message>
        <source>부서가 요구한 금액(천원)</source>
        <translation>Amount requested by the department (KRW thousand)</translation>
    </message>
    <message>
        <source>증감</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>증감, 천원</source>
        <translation>Change, KRW thousand</translation>
    </message>
    <message>
        <source>기정액 대비 증감(천원)</source>
        <translation>Change from the previous amount (KRW thousand)</translation>
    </message>
    <message>
        <source>조정액</source>
        <translation>Adjusted amount</translation>
    </message>
    <message>
        <source>조정액, 천원</source>
        <translation>Adjusted amount, KRW thousand</translation>
    </message>
    <message>
        <source>예산부서가 조정한 금액(천원)</source>
        <translation>Amount adjusted by the budget office (KRW thousand)</translation>
    </message>
    <message>
        <source>의결액</source>
        <translation>Adopted amount</translation>
    </message>
    <message>
        <source>의결액, 천원</source>
        <translation>Adopted amount, KRW thousand</translation>
    </message>
    <message>
        <source>의회가 의결한 금액(천원)</source>
        <translation>Amount adopted by the council (KRW thousand)</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>작성중, 요구, 조정</source>
        <translation>Draft, requested, adjusted</translation>
    </message>
    <message>
        <source>작성중</source>
        <comment>request state</comment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>요구</source>
        <comment>request state</comment>
        <translation>Requested</translation>
    </message>
    <message>
        <source>조정</source>
        <comment>request state</comment>
        <translation>Adjusted</translation>
    </message>
    <message>
        <source>들여쓰기</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>내어쓰기</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>위로 이동</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>아래로 이동</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>하위 줄 추가</source>
        <translation>Add sub-item</translation>
    </message>
    <message>
        <source>산출근거 수정</source>
        <translation>Edit calculation basis</translation>
    </message>
    <message>
        <source>산출근거 줄 삭제</source>
        <translation>Delete calculation basis item</translation>
    </message>
    <message>
        <source>산출근거 줄 추가</source>
        <translation>Add calculation basis item</translation>
    </message>
    <message>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>정책사업</source>
        <translation>Policy program</translation>
    </message>
    <message>
        <source>단위사업</source>
        <translation>Unit program</translation>
    </message>
    <message>
        <source>사업</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>정책사업, 단위사업, 세부사업</source>
        <translation>Policy, unit and detailed programs</translation>
    </message>
    <message>
        <source>{level}, 코드 {code}</source>
        <translation>{level}, code {code}</translation>
    </message>
    <message>
        <source>없음</source>
        <comment>empty amount cell, spoken</comment>
        <translation>none</translation>
    </message>
    <message>
        <source>마이너스 {amount}</source>
        <translation>minus {amount}</translation>
    </message>
    <message>
        <source>연습용 데모 서버를 시작하는 중입니다…</source>
        <translation>Starting the practice demo server…</translation>
    </message>
    <message>
        <source>서버에 연결하는 중입니다: {url}</source>
        <translation>Connecting to the server: {url}</translation>
    </message>
    <message>
        <source>로컬 캐시를 열 수 없습니다: {error}</source>
        <translation>The local cache cannot be opened: {error}</translation>
    </message>
    <message>
        <source>사업담당</source>
        <translation>Program officer</translation>
    </message>
    <message>
        <source>부서 예산담당</source>
        <translation>Department budget officer</translation>
    </message>
    <message>
        <source>예산부서</source>
        <translation>Budget office</translation>
    </message>
    <message>
        <source>재무관</source>
        <translation>Finance officer</translation>
    </message>
    <message>
        <source>지출원</source>
        <translation>Disbursing officer</translation>
    </message>
    <message>
        <source>감사</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>관리자</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>서버 연결 확인</source>
        <translation>Check the server connection</translation>
    </message>
    <message>
        <source>로그인</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>로그인 유지</source>
        <translation>Stay signed in</translation>
    </message>
    <message>
        <source>데모 사용자로 로그인</source>
        <translation>Sign in as a demo user</translation>
    </message>
    <message>
        <source>세션 연장</source>
        <translation>Extend the session</translation>
    </message>
    <message>
        <source>비밀번호 변경</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>로그아웃</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>{title} — 호조 데스크</source>
        <translation>{title} — Hojo Desk</translation>
    </message>
    <message>
        <source>{title} — 호조 데스크 (데모)</source>
        <translation>{title} — Hojo Desk (demo)</translation>
    </message>
    <message>
        <source>오류: {message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <source>서버에 연결했습니다.</source>
        <translation>Connected to the server.</translation>
    </message>
    <message>
        <source>이 주소의 응답에서 API 버전을 알 수 없습니다. 호조 데스크 서버 주소가 맞는지 확인하세요.</source>
        <translation>The answer from this address has no API version. Check that it is the address of a Hojo Desk server.</translation>
    </message>
    <message>
        <source>서버에 연결할 수 없습니다. 서버 주소와 네트워크 연결을 확인하세요.</source>
        <translation>The server cannot be reached. Check the server address and the network connection.</translation>
    </message>
    <message>
        <source>서버가 너무 오래된 버전입니다 (서버 API {version}). 서버 관리자에게 서버 업데이트를 요청하세요.</source>
        <translation>The server is too old (server API {version}). Ask the server administrator to update the server.</translation>
    </message>
    <message>
        <source>이 프로그램이 서버보다 오래된 버전입니다 (서버 API {version}). 프로그램을 업데이트하세요.</source>
        <translation>This program is older than the server (server API {version}). Update the program.</translation>
    </message>
    <message>
        <source>아이디 또는 비밀번호가 올바르지 않습니다.</source>
        <translation>The ID or password is not correct.</translation>
    </message>
    <message>
        <source>예상하지 못한 오류가 발생했습니다: {error}</source>
        <translation>An unexpected error occurred: {error}</translation>
    </message>
    <message>
        <source>변경(&amp;O)</source>
        <translation>Change (&amp;O)</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>비밀번호를 바꿨습니다.</source>
        <translation>The password was changed.</translation>
    </message>
    <message>
        <source>처음 로그인했거나 관리자가 비밀번호를 초기화했습니다. 새 비밀번호를 정하세요.</source>
        <translation>This is your first sign-in or an administrator reset your password. Choose a new password.</translation>
    </message>
    <message>
        <source>현재 비밀번호(&amp;C):</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>새 비밀번호(&amp;N):</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>새 비밀번호 확인(&amp;F):</source>
        <translation>Con&amp;firm new password:</translation>
    </message>
    <message>
        <source>현재 비밀번호를 입력하세요.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>새 비밀번호가 서로 다릅니다.</source>
        <translation>The new passwords do not match.</translation>
    </message>
    <message>
        <source>새 비밀번호는 {length}자 이상이어야 합니다.</source>
        <translation>The new password must have at least {length} characters.</translation>
    </message>
    <message>
        <source>{seconds}초</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>세션 연장(&amp;E)</source>
        <translation>&amp;Extend session</translation>
    </message>
    <message>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>로그인 세션을 지금 연장합니다.</source>
        <translation>Extends the sign-in session now.</translation>
    </message>
    <message>
        <source>{minutes}분 {seconds}초</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>세션 종료 예정</source>
        <translation>Session ending soon</translation>
    </message>
    <message>
        <source>로그인 세션이 {remaining} 뒤에 끝납니다. 계속 작업하려면 세션을 연장하세요 (Enter 또는 Ctrl+Shift+E). 작성 중인 내용은 이 PC에 저장되어 있습니다.</source>
        <translation>Your sign-in session ends in {remaining}. To keep working, extend the session (Enter or Ctrl+Shift+E). Your work in progress is saved on this PC.</translation>
    </message>
    <message>
        <source>로그인 정보 기억(&amp;R)</source>
        <translation>&amp;Remember sign-in</translation>
    </message>
    <message>
        <source>다음에 비밀번호 없이 로그인합니다. 갱신 토큰만 운영체제 키링에 보관합니다.</source>
        <translation>Signs in without a password next time. Only the refresh token is kept, in the operating system's keyring.</translation>
    </message>
    <message>
        <source>서버 주소(&amp;S):</source>
        <translation>&amp;Server address:</translation>
    </message>
    <message>
        <source>아이디(&amp;I):</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>비밀번호(&amp;P):</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>예: https://hojo.example.go.kr</source>
        <translation>For example: https://hojo.example.go.kr</translation>
    </message>
    <message>
        <source>로그인(&amp;L)</source>
        <translation>Sign in (&amp;L)</translation>
    </message>
    <message>
        <source>호조 데스크 서버에 로그인합니다.</source>
        <translation>Sign in to the Hojo Desk server.</translation>
    </message>
    <message>
        <source>서버 주소를 입력하세요.</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>아이디를 입력하세요.</source>
        <translation>Enter your ID.</translation>
    </message>
    <message>
        <source>비밀번호를 입력하세요.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>로그인하는 중입니다…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>다시 로그인</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>{name}(으)로 로그인했습니다.</source>
        <translation>Signed in as {name}.</translation>
    </message>
    <message>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>편집(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>보기(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>도구(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>로그인(&amp;L)…</source>
        <translation>Sign in (&amp;L)…</translation>
    </message>
    <message>
        <source>로그아웃(&amp;O)</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>비밀번호 변경(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>끝내기(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>실행 취소(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>다시 실행(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>작업 목록으로 이동(&amp;W)</source>
        <translation>Go to the &amp;work list</translation>
    </message>
    <message>
        <source>왼쪽 작업 목록에 초점을 둡니다.</source>
        <translation>Moves the focus to the work list on the left.</translation>
    </message>
    <message>
        <source>작업 화면으로 이동(&amp;M)</source>
        <translation>Go to the &amp;main area</translation>
    </message>
    <message>
        <source>열린 작업 화면에 초점을 둡니다.</source>
        <translation>Moves the focus to the open page.</translation>
    </message>
    <message>
        <source>설정(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>서버 연결 확인(&amp;C)</source>
        <translation>&amp;Check server connection</translation>
    </message>
    <message>
        <source>바로 가기 키(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>호조 데스크 정보(&amp;A)</source>
        <translation>&amp;About Hojo Desk</translation>
    </message>
    <message>
        <source>호조 데스크: 지방자치단체 예산 업무를 위한 접근성 있는 데스크톱 프로그램.</source>
        <translation>Hojo Desk: an accessible desktop program for local-government budget work.</translation>
    </message>
    <message>
        <source>로그아웃했습니다.</source>
        <translation>Signed out.</translation>
    </message>
    <message>
        <source>다음 단계에서 제공</source>
        <translation>coming in a later stage</translation>
    </message>
    <message>
        <source>불러오지 못함</source>
        <translation>could not be loaded</translation>
    </message>
    <message>
        <source>예산편성</source>
        <translation>Budget formulation</translation>
    </message>
    <message>
        <source>세입</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>의결</source>
        <translation>Council resolution</translation>
    </message>
    <message>
        <source>작업 목록(&amp;W):</source>
        <translation>&amp;Work list:</translation>
    </message>
    <message>
        <source>위아래 화살표로 고르고 Enter를 누르면 그 화면으로 갑니다 (Ctrl+1~9).</source>
        <translation>Choose with the up and down arrows and press Enter to open that page (Ctrl+1 to 9).</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>데모 역할</source>
        <translation>Demo role</translation>
    </message>
    <message>
        <source>데모 역할(&amp;R):</source>
        <translation>Demo &amp;role:</translation>
    </message>
    <message>
        <source>연습용 데모에서 다른 역할의 사용자로 바꿔 로그인합니다.</source>
        <translation>Signs in to the practice demo as the user of another role.</translation>
    </message>
    <message>
        <source>세션을 연장하지 못했습니다.</source>
        <translation>The session could not be extended.</translation>
    </message>
    <message>
        <source>로그인 세션이 끝났습니다. 비밀번호를 다시 입력하세요.</source>
        <translation>Your sign-in session has ended. Enter your password again.</translation>
    </message>
    <message>
        <source>로그인 세션이 끝났습니다. 작업 중인 내용은 그대로 있습니다. 비밀번호를 다시 입력하세요.</source>
        <translation>Your sign-in session has ended. Your work in progress is kept. Enter your password again.</translation>
    </message>
    <message>
        <source>세션을 연장했습니다. {minutes}분 남았습니다.</source>
        <translation>The session was extended. {minutes} minutes left.</translation>
    </message>
    <message>
        <source>호조 데스크를 시작하는 중입니다…</source>
        <translation>Starting Hojo Desk…</translation>
    </message>
    <message>
        <source>시작 진행 상황</source>
        <translation>Start-up progress</translation>
    </message>
    <message>
        <source>시작하는 중</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>시작하지 못했습니다: {message}</source>
        <translation>Could not start: {message}</translation>
    </message>
    <message>
        <source>연결: 확인 중</source>
        <translation>Connection: checking</translation>
    </message>
    <message>
        <source>연결: 로컬 데모 (이 PC의 연습용 서버)</source>
        <translation>Connection: local demo (a practice server on this PC)</translation>
    </message>
    <message>
        <source>연결: 온라인</source>
        <translation>Connection: online</translation>
    </message>
    <message>
        <source>연결: 오프라인 (작성 중인 내용은 이 PC에 저장됩니다)</source>
        <translation>Connection: offline (your work is saved on this PC)</translation>
    </message>
    <message>
        <source>상태 표시줄</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <source>저장: 변경 없음</source>
        <translation>Saved: no changes</translation>
    </message>
    <message>
        <source>로그인하지 않음</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>세션: 만료됨</source>
        <translation>Session: expired</translation>
    </message>
    <message>
        <source>사용자: {name} ({roles})</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <source>저장: 이 PC에 모두 저장됨 ({time})</source>
        <translation>Saved: everything saved on this PC ({time})</translation>
    </message>
    <message>
        <source>저장: 작업 {count}건 진행 중</source>
        <translation>Saving: {count} tasks in progress</translation>
    </message>
    <message>
        <source>세션: {minutes}분 남음</source>
        <translation>Session: {minutes} min left</translation>
    </message>
    <message>
        <source>왼쪽 작업 목록에서 화면을 고르세요 (F6).</source>
        <translation>Choose a page in the work list on the left (F6).</translation>
    </message>
    <message>
        <source>{name}(으)로 바꿨습니다.</source>
        <translation>Switched to {name}.</translation>
    </message>
    <message>
        <source>{name} 실행 취소(&amp;U)</source>
        <translation>&amp;Undo {name}</translation>
    </message>
    <message>
        <source>{name} 다시 실행(&amp;R)</source>
        <translation>&amp;Redo {name}</translation>
    </message>
    <message>
        <source>추가 인증서 파일(&amp;C):</source>
        <translation>Additional &amp;certificate file:</translation>
    </message>
    <message>
        <source>프록시(&amp;P):</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>화면 언어(&amp;L):</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>로그인 상태 유지(&amp;R)</source>
        <translation>&amp;Remember sign-in</translation>
    </message>
    <message>
        <source>세션 종료 알림(분)(&amp;W):</source>
        <translation>Session end &amp;warning (minutes):</translation>
    </message>
    <message>
        <source>글자 크기(%)(&amp;F):</source>
        <translation>&amp;Font size (%):</translation>
    </message>
    <message>
        <source>고대비 화면(&amp;H):</source>
        <translation>&amp;High contrast:</translation>
    </message>
    <message>
        <source>응답 대기 시간(초)(&amp;T):</source>
        <translation>Response &amp;timeout (seconds):</translation>
    </message>
    <message>
        <source>한국어</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>영어</source>
        <translation>English</translation>
    </message>
    <message>
        <source>저장(&amp;O)</source>
        <translation>Save (&amp;O)</translation>
    </message>
    <message>
        <source>설정을 저장했습니다. 일부 설정은 다시 시작하면 적용됩니다.</source>
        <translation>Settings saved. Some settings take effect after a restart.</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>출처: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>관리자가 정한 값이라 여기서 바꿀 수 없습니다</source>
        <translation>set by an administrator, so it cannot be changed here</translation>
    </message>
    <message>
        <source>여기서 바꾼 값은 이 사용자의 설정 파일에만 저장됩니다: {path}</source>
        <translation>Values changed here are saved only in this user's settings file: {path}</translation>
    </message>
    <message>
        <source>예</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>아니오</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{year}년 {kind} ({state})</source>
        <translation>{year} {kind} ({state})</translation>
    </message>
    <message>
        <source>조정</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>요구액과 조정액을 비교하고 조정, 확정, 의결, 성립, 추경을 합니다.</source>
        <translation>Compare requested and adjusted amounts; adjust, confirm, enter the council resolution, establish and start supplementary budgets.</translation>
    </message>
    <message>
        <source>세출</source>
        <translation>Expenditure</translation>
    </message>
    <message>
        <source>예산 버전</source>
        <translation>Budget version</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>세출 또는 세입 예산</source>
        <translation>Expenditure or revenue budget</translation>
    </message>
    <message>
        <source>찾기</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>세부사업, 회계, 통계목 이름이나 코드로 찾습니다.</source>
        <translation>Find by detailed project, account or statistical item name or code.</translation>
    </message>
    <message>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>예산 항목</source>
        <translation>Budget lines</translation>
    </message>
    <message>
        <source>{year}년 {kind}, 상태 {state}. 세출 합계 {exp}, 세입 합계 {rev}.</source>
        <translation>{year} {kind}, state {state}. Expenditure total {exp}, revenue total {rev}.</translation>
    </message>
    <message>
        <source>예산을 읽지 못했습니다: {reason}</source>
        <translation>Could not read the budget: {reason}</translation>
    </message>
    <message>
        <source>조회 결과 {count}건</source>
        <translation>{count} results</translation>
    </message>
    <message>
        <source>세입 {account} {code} {name}</source>
        <translation>Revenue {account} {code} {name}</translation>
    </message>
    <message>
        <source>금액을 천원 단위 숫자로 입력하세요. 예: 4,800</source>
        <translation>Enter the amount in thousands of won as a number, e.g. 4,800.</translation>
    </message>
    <message>
        <source>'{text}'은(는) 금액으로 읽을 수 없습니다. 천원 단위 숫자로 입력하세요.</source>
        <translation>'{text}' cannot be read as an amount. Enter a number in thousands of won.</translation>
    </message>
    <message>
        <source>금액은 0 이상이어야 합니다.</source>
        <translation>The amount must be 0 or more.</translation>
    </message>
    <message>
        <source>진행률</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>작업 취소</source>
        <translation>Cancel work</translation>
    </message>
    <message>
        <source>기정액 {amount}</source>
        <translation>Previous amount {amount}</translation>
    </message>
    <message>
        <source>경정액 {amount}</source>
        <translation>Revised amount {amount}</translation>
    </message>
    <message>
        <source>증감 {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>요구 {amount}</source>
        <translation>Requested {amount}</translation>
    </message>
    <message>
        <source>조정 {amount}</source>
        <translation>Adjusted {amount}</translation>
    </message>
    <message>
        <source>(사유: {reason})</source>
        <translation>(reason: {reason})</translation>
    </message>
    <message>
        <source>의결 {amount}</source>
        <translation>Resolved {amount}</translation>
    </message>
    <message>
        <source>현재 {amount}</source>
        <translation>Current {amount}</translation>
    </message>
    <message>
        <source>선택한 예산 항목</source>
        <translation>Selected budget line</translation>
    </message>
    <message>
        <source>표에서 예산 항목을 고르세요.</source>
        <translation>Choose a budget line in the table.</translation>
    </message>
    <message>
        <source>조정액(천원)</source>
        <translation>Adjusted amount (thousand won)</translation>
    </message>
    <message>
        <source>예산부서가 정한 금액, 천원 단위. 예: 4,800</source>
        <translation>The amount set by the budget office, in thousands of won, e.g. 4,800.</translation>
    </message>
    <message>
        <source>조정 사유</source>
        <translation>Reason for adjustment</translation>
    </message>
    <message>
        <source>조정에는 사유가 필요합니다.</source>
        <translation>An adjustment needs a reason.</translation>
    </message>
    <message>
        <source>요구 반려</source>
        <translation>Return request</translation>
    </message>
    <message>
        <source>선택한 항목의 세부사업 요구를 작성중으로 돌려보냅니다.</source>
        <translation>Returns the selected line's detailed project request to drafting.</translation>
    </message>
    <message>
        <source>조정 이력</source>
        <translation>Adjustment history</translation>
    </message>
    <message>
        <source>요구, 조정, 의결 금액과 변경 기록</source>
        <translation>Requested, adjusted and resolved amounts and the change log</translation>
    </message>
    <message>
        <source>조정 결과</source>
        <translation>Adjustment result</translation>
    </message>
    <message>
        <source>{when} {who}: {what}</source>
        <translation>{when} {who}: {what}</translation>
    </message>
    <message>
        <source>조정 사유를 입력하세요. 사유 없이는 조정할 수 없습니다.</source>
        <translation>Enter a reason for the adjustment. A line cannot be adjusted without one.</translation>
    </message>
    <message>
        <source>조정했습니다: {amount}</source>
        <translation>Adjusted: {amount}</translation>
    </message>
    <message>
        <source>조정하지 못했습니다: {reason}</source>
        <translation>Could not adjust: {reason}</translation>
    </message>
    <message>
        <source>세부사업 요구를 반려했습니다 (작성중).</source>
        <translation>The detailed project request was returned (drafting).</translation>
    </message>
    <message>
        <source>반려하지 못했습니다: {reason}</source>
        <translation>Could not return the request: {reason}</translation>
    </message>
    <message>
        <source>예산 버전 작업</source>
        <translation>Budget version actions</translation>
    </message>
    <message>
        <source>확정</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>회계마다 세입과 세출이 같고 모든 세부사업이 요구되었을 때 확정합니다.</source>
        <translation>Confirms the proposal when revenue equals expenditure in every account and every detailed project has been requested.</translation>
    </message>
    <message>
        <source>성립</source>
        <translation>Establish</translation>
    </message>
    <message>
        <source>추가경정예산 만들기</source>
        <translation>Create supplementary budget</translation>
    </message>
    <message>
        <source>성립한 예산에서 제N회 추경을 만듭니다. 성립액이 기정액이 됩니다.</source>
        <translation>Creates the next supplementary budget from the established budget. The established amounts become the previous amounts.</translation>
    </message>
    <message>
        <source>다음 연도 예산 만들기</source>
        <translation>Create next year's budget</translation>
    </message>
    <message>
        <source>이 예산의 사업 구조와 금액으로 다음 연도 본예산(안)을 만듭니다.</source>
        <translation>Creates next year's draft original budget from this budget's projects and amounts.</translation>
    </message>
    <message>
        <source>의결액(천원)</source>
        <translation>Council amount (thousand won)</translation>
    </message>
    <message>
        <source>표에서 고른 항목의 의회 의결 금액, 천원 단위. 삭감만 할 수 있습니다.</source>
        <translation>The amount the council resolved for the line chosen in the table, in thousands of won. Only cuts are allowed.</translation>
    </message>
    <message>
        <source>의결 목록에 추가</source>
        <translation>Add to resolution list</translation>
    </message>
    <message>
        <source>의결 목록 비우기</source>
        <translation>Clear resolution list</translation>
    </message>
    <message>
        <source>의결 목록</source>
        <translation>Resolution list</translation>
    </message>
    <message>
        <source>의회가 삭감한 항목과 금액</source>
        <translation>Lines the council cut, with their amounts</translation>
    </message>
    <message>
        <source>의결 반영</source>
        <translation>Apply resolution</translation>
    </message>
    <message>
        <source>의결 목록의 금액을 반영하고 예산을 의결 상태로 바꿉니다.</source>
        <translation>Applies the amounts in the resolution list and marks the budget as resolved.</translation>
    </message>
    <message>
        <source>처리하지 못한 이유</source>
        <translation>Why it could not be done</translation>
    </message>
    <message>
        <source>{what}하지 못했습니다: {reason}</source>
        <translation>{what} failed: {reason}</translation>
    </message>
    <message>
        <source>{kind}을(를) 확정했습니다.</source>
        <translation>{kind} confirmed.</translation>
    </message>
    <message>
        <source>먼저 표에서 항목을 고르세요.</source>
        <translation>First choose a line in the table.</translation>
    </message>
    <message>
        <source>의결 목록에 넣었습니다: {line} {amount}</source>
        <translation>Added to the resolution list: {line} {amount}</translation>
    </message>
    <message>
        <source>의회 의결을 반영했습니다 ({state}).</source>
        <translation>The council resolution was applied ({state}).</translation>
    </message>
    <message>
        <source>{kind}이(가) 성립했습니다.</source>
        <translation>{kind} is established.</translation>
    </message>
    <message>
        <source>추가경정예산을 만드는 중입니다. 모든 예산 항목을 복사합니다.</source>
        <translation>Creating the supplementary budget. Every budget line is copied.</translation>
    </message>
    <message>
        <source>{kind}을(를) 만들었습니다.</source>
        <translation>{kind} created.</translation>
    </message>
    <message>
        <source>추경 만들기</source>
        <translation>Creating the supplementary budget</translation>
    </message>
    <message>
        <source>다음 연도 예산을 만드는 중입니다.</source>
        <translation>Creating next year's budget.</translation>
    </message>
    <message>
        <source>아이디</source>
        <translation>User ID</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>역할</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>사용자 관리</source>
        <translation>User administration</translation>
    </message>
    <message>
        <source>사용자를 만들고 역할, 비밀번호, 사용 여부를 관리합니다 (관리자 전용).</source>
        <translation>Create users and manage their roles, passwords and access (administrators only).</translation>
    </message>
    <message>
        <source>사용자 목록</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>새 사용자 입력</source>
        <translation>Enter a new user</translation>
    </message>
    <message>
        <source>사용자 만들기</source>
        <translation>Create user</translation>
    </message>
    <message>
        <source>이름, 부서, 역할 저장</source>
        <translation>Save name, department and roles</translation>
    </message>
    <message>
        <source>비밀번호 초기화</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>비밀번호 칸의 임시 비밀번호로 바꿉니다. 사용자는 다음 로그인 때 바꿔야 합니다.</source>
        <translation>Sets the temporary password from the password field. The user must change it at the next sign-in.</translation>
    </message>
    <message>
        <source>사용 중지</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>잠금 해제</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>사용자 관리는 관리자만 할 수 있습니다.</source>
        <translation>Only administrators can manage users.</translation>
    </message>
    <message>
        <source>사용 중</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>잠김</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>비밀번호 변경 필요</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>다시 사용</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>새 사용자를 입력하세요.</source>
        <translation>Enter the new user.</translation>
    </message>
    <message>
        <source>사용자를 만들었습니다: {login}</source>
        <translation>User created: {login}</translation>
    </message>
    <message>
        <source>사용자를 만들지 못했습니다</source>
        <translation>Could not create the user</translation>
    </message>
    <message>
        <source>저장했습니다: {login}</source>
        <translation>Saved: {login}</translation>
    </message>
    <message>
        <source>저장하지 못했습니다</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>비밀번호 칸에 임시 비밀번호를 입력하세요.</source>
        <translation>Enter a temporary password in the password field.</translation>
    </message>
    <message>
        <source>비밀번호를 초기화했습니다: {login}. 다음 로그인 때 바꿔야 합니다.</source>
        <translation>Password reset: {login}. It must be changed at the next sign-in.</translation>
    </message>
    <message>
        <source>비밀번호를 초기화하지 못했습니다</source>
        <translation>Could not reset the password</translation>
    </message>
    <message>
        <source>사용을 중지했습니다: {login}</source>
        <translation>Disabled: {login}</translation>
    </message>
    <message>
        <source>다시 사용하게 했습니다: {login}</source>
        <translation>Enabled again: {login}</translation>
    </message>
    <message>
        <source>사용 여부를 바꾸지 못했습니다</source>
        <translation>Could not change whether the user is enabled</translation>
    </message>
    <message>
        <source>잠금을 풀었습니다: {login}</source>
        <translation>Unlocked: {login}</translation>
    </message>
    <message>
        <source>잠금을 풀지 못했습니다</source>
        <translation>Could not unlock</translation>
    </message>
    <message>
        <source>사용자 정보</source>
        <translation>User details</translation>
    </message>
    <message>
        <source>영문, 숫자와 . _ @ -</source>
        <translation>Latin letters, digits and . _ @ -</translation>
    </message>
    <message>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>새 사용자의 첫 비밀번호 또는 초기화할 임시 비밀번호. 10자 이상, 두 종류 이상의 글자. 사용자는 다음 로그인 때 바꿔야 합니다.</source>
        <translation>The new user's first password or the temporary password for a reset: at least 10 characters of at least two kinds. The user must change it at the next sign-in.</translation>
    </message>
    <message>
        <source>부서 없음</source>
        <translation>No department</translation>
    </message>
    <message>
        <source>세입 예산을 회계, 부서, 목별로 보고 산출근거를 고칩니다.</source>
        <translation>View the revenue budget by account, department and item, and edit the calculation basis.</translation>
    </message>
    <message>
        <source>세입을 맡은 부서</source>
        <translation>Department responsible for the revenue</translation>
    </message>
    <message>
        <source>회계나 목의 이름, 코드</source>
        <translation>Account or item name or code</translation>
    </message>
    <message>
        <source>세입 예산 항목</source>
        <translation>Revenue lines</translation>
    </message>
    <message>
        <source>산출근거 저장</source>
        <translation>Save calculation basis</translation>
    </message>
    <message>
        <source>고친 산출근거를 서버에 저장합니다. 세입액은 산출근거 합계(천원 미만 버림)입니다.</source>
        <translation>Saves the edited calculation basis to the server. The revenue amount is its total (below a thousand won dropped).</translation>
    </message>
    <message>
        <source>전체 부서</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>{year}년 {kind}, 상태 {state}. 세입 합계 {rev}.</source>
        <translation>{year} {kind}, state {state}. Revenue total {rev}.</translation>
    </message>
    <message>
        <source>세입 예산을 읽지 못했습니다: {reason}</source>
        <translation>Could not read the revenue budget: {reason}</translation>
    </message>
    <message>
        <source>산출근거식을 읽을 수 없어 저장하지 않았습니다: {reason}</source>
        <translation>Not saved because a formula cannot be read: {reason}</translation>
    </message>
    <message>
        <source>세입 산출근거를 저장했습니다: {amount}</source>
        <translation>Revenue calculation basis saved: {amount}</translation>
    </message>
    <message>
        <source>저장하지 못했습니다: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
    <message>
        <source>새 줄</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>서버에 저장</source>
        <translation>Save to server</translation>
    </message>
    <message>
        <source>세부사업 요구 제출</source>
        <translation>Submit detailed program request</translation>
    </message>
    <message>
        <source>부서 요구 제출</source>
        <translation>Submit department request</translation>
    </message>
    <message>
        <source>변경 이력</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>서버에 저장하는 중…</source>
        <translation>Saving to the server…</translation>
    </message>
    <message>
        <source>요구 제출 중…</source>
        <translation>Submitting the request…</translation>
    </message>
    <message>
        <source>먼저 세부사업을 고르세요</source>
        <translation>Choose a detailed program first</translation>
    </message>
    <message>
        <source>새 줄을 만들었습니다. 산출근거를 입력하세요.</source>
        <translation>New line created. Enter its calculation basis.</translation>
    </message>
    <message>
        <source>서버에 저장된 줄을 고르세요</source>
        <translation>Choose a line that is saved on the server</translation>
    </message>
    <message>
        <source>{program}을(를) 요구했습니다</source>
        <translation>Submitted {program}</translation>
    </message>
    <message>
        <source>부서 요구를 제출했습니다: 세부사업 {count}개</source>
        <translation>Department request submitted: {count} detailed programs</translation>
    </message>
    <message>
        <source>단축키 {keys}</source>
        <translation>Shortcut {keys}</translation>
    </message>
    <message>
        <source>줄 추가</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>줄 삭제</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>산출근거 편집</source>
        <translation>Calculation basis editor</translation>
    </message>
    <message>
        <source>산출근거(&amp;B)</source>
        <translation>Calculation &amp;basis</translation>
    </message>
    <message>
        <source>산출근거 항목과 식의 나무 구조</source>
        <translation>Tree of calculation basis items and formulas</translation>
    </message>
    <message>
        <source>실행 취소</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>다시 실행</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>항목(&amp;L)</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <source>산출근거식(&amp;O)</source>
        <translation>F&amp;ormula</translation>
    </message>
    <message>
        <source>산출근거 줄을 삭제했습니다</source>
        <translation>Calculation basis line deleted</translation>
    </message>
    <message>
        <source>그 방향으로는 옮길 수 없습니다</source>
        <translation>Cannot move in that direction</translation>
    </message>
    <message>
        <source>산출근거 줄이 없습니다. 줄 추가(Ctrl+Enter)로 시작하세요.</source>
        <translation>No calculation basis lines. Start with Add line (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>{step} 실행 취소</source>
        <translation>Undo {step}</translation>
    </message>
    <message>
        <source>{step} 다시 실행</source>
        <translation>Redo {step}</translation>
    </message>
    <message>
        <source>{step}: {level}단계</source>
        <translation>{step}: level {level}</translation>
    </message>
    <message>
        <source>이 줄의 금액: {amount}</source>
        <translation>Amount of this line: {amount}</translation>
    </message>
    <message>
        <source>산출근거식 오류: {message}</source>
        <translation>Formula error: {message}</translation>
    </message>
    <message>
        <source>식이 없습니다</source>
        <translation>No formula</translation>
    </message>
    <message>
        <source>하위 항목 합계: {won}, {thousand}</source>
        <translation>Sum of sub-items: {won}, {thousand}</translation>
    </message>
    <message>
        <source>계산 결과: {won}, {thousand}</source>
        <translation>Result: {won}, {thousand}</translation>
    </message>
    <message>
        <source>세부사업의 편성 줄과 산출근거를 작성하고 요구합니다</source>
        <translation>Write and submit the lines and calculation basis of detailed programs</translation>
    </message>
    <message>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>예산편성: 편성 중인 예산이 없습니다</source>
        <translation>Budget formulation: no budget is being written</translation>
    </message>
    <message>
        <source>사업 {programs}개, 편성 줄 {lines}줄</source>
        <translation>{programs} programs, {lines} lines</translation>
    </message>
    <message>
        <source>예산편성: {year}년 {kind} ({state})</source>
        <translation>Budget formulation: {year} {kind} ({state})</translation>
    </message>
    <message>
        <source>임시 저장했습니다 (이 PC)</source>
        <translation>Draft saved (on this PC)</translation>
    </message>
    <message>
        <source>다른 사용자가 먼저 고쳤습니다. 줄마다 내 것과 서버 것을 고르세요.</source>
        <translation>Someone else changed it first. Choose mine or the server's for each row.</translation>
    </message>
    <message>
        <source>임시 저장본 {count}건을 복원했습니다</source>
        <translation>Restored {count} drafts</translation>
    </message>
    <message>
        <source>서버에 저장했습니다</source>
        <translation>Saved to the server</translation>
    </message>
    <message>
        <source>저장 충돌이 남아 있습니다. 다시 저장하면 다시 묻습니다.</source>
        <translation>The save conflict remains. Saving again asks again.</translation>
    </message>
    <message>
        <source>실패: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
    <message>
        <source>임시 저장 실패: {error}</source>
        <translation>Saving the draft failed: {error}</translation>
    </message>
    <message>
        <source> (저장 충돌 {count}건)</source>
        <translation> ({count} save conflicts)</translation>
    </message>
    <message>
        <source>합친 결과의 재원 합계가 금액과 다릅니다. 재원을 고친 뒤 저장하세요.</source>
        <translation>The merged funding total differs from the amount. Correct the funding, then save.</translation>
    </message>
    <message>
        <source>재원 합계가 금액과 {gap}천원 다릅니다. 재원을 고친 뒤 저장하세요.</source>
        <translation>The funding total differs from the amount by KRW {gap} thousand. Correct the funding, then save.</translation>
    </message>
    <message>
        <source>재원 구성(천원)</source>
        <translation>Funding (KRW thousand)</translation>
    </message>
    <message>
        <source>금액에 맞추기</source>
        <translation>Match the amount</translation>
    </message>
    <message>
        <source>차액을 마지막으로 고친 재원에 더합니다. 단축키 Ctrl+Shift+M</source>
        <translation>Adds the difference to the funding source edited last. Shortcut Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>천원 단위 금액</source>
        <translation>Amount in KRW thousand</translation>
    </message>
    <message>
        <source>재원 합계 {total}: 금액과 같습니다</source>
        <translation>Funding total {total}: equals the amount</translation>
    </message>
    <message>
        <source>재원 합계 {total}: 금액보다 {gap} 적습니다</source>
        <translation>Funding total {total}: {gap} less than the amount</translation>
    </message>
    <message>
        <source>재원 합계 {total}: 금액보다 {gap} 많습니다</source>
        <translation>Funding total {total}: {gap} more than the amount</translation>
    </message>
    <message>
        <source>천원 단위 금액. {check}</source>
        <translation>Amount in KRW thousand. {check}</translation>
    </message>
    <message>
        <source>일시</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>사용자</source>
        <translation>User</translation>
    </message>
    <message>
        <source>작업</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>변경 이력: {line}</source>
        <translation>Change history: {line}</translation>
    </message>
    <message>
        <source>변경 이력 {count}건(&amp;H)</source>
        <translation>Change &amp;history: {count} events</translation>
    </message>
    <message>
        <source>회계(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>통계목 찾기(&amp;O)</source>
        <translation>Find &amp;object</translation>
    </message>
    <message>
        <source>통계목 목록(&amp;L)</source>
        <translation>Object &amp;list</translation>
    </message>
    <message>
        <source>재원(&amp;F)</source>
        <translation>&amp;Funding source</translation>
    </message>
    <message>
        <source>코드나 이름 일부, 예: 201-01 또는 사무관리비</source>
        <translation>Part of a code or name, e.g. 201-01 or office expenses</translation>
    </message>
    <message>
        <source>확인</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>회계와 통계목을 고르세요</source>
        <translation>Choose an account and an object</translation>
    </message>
    <message>
        <source>새 편성 줄: {program}</source>
        <translation>New line: {program}</translation>
    </message>
    <message>
        <source>통계목 {count}개</source>
        <translation>{count} objects</translation>
    </message>
    <message>
        <source>편성 줄 찾기(&amp;S)</source>
        <translation>&amp;Search lines</translation>
    </message>
    <message>
        <source>회계, 통계목, 재원 이름의 일부</source>
        <translation>Part of an account, object or funding name</translation>
    </message>
    <message>
        <source>편성 목록(&amp;I)</source>
        <translation>L&amp;ines table</translation>
    </message>
    <message>
        <source>선택한 사업의 예산 편성 줄</source>
        <translation>Budget lines of the chosen program</translation>
    </message>
    <message>
        <source>{count}줄, 요구액 합계 {total}천원</source>
        <translation>{count} lines, requested total KRW {total} thousand</translation>
    </message>
    <message>
        <source>사업 찾기(&amp;P)</source>
        <translation>Find &amp;program</translation>
    </message>
    <message>
        <source>사업 이름이나 코드 일부를 입력하세요</source>
        <translation>Type part of a program name or code</translation>
    </message>
    <message>
        <source>사업 목록</source>
        <translation>Programs</translation>
    </message>
    <message>
        <source>사업 {count}개</source>
        <translation>{count} programs</translation>
    </message>
    <message>
        <source>(없음)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>달라진 항목(&amp;R)</source>
        <translation>Changed &amp;rows</translation>
    </message>
    <message>
        <source>M 키: 내 것 유지, T 키: 서버 것 유지</source>
        <translation>M: keep mine, T: keep the server's</translation>
    </message>
    <message>
        <source>이 줄은 내 것(&amp;M)</source>
        <translation>Keep &amp;mine for this row</translation>
    </message>
    <message>
        <source>이 줄은 서버 것(&amp;T)</source>
        <translation>Keep &amp;theirs for this row</translation>
    </message>
    <message>
        <source>모두 내 것</source>
        <translation>All mine</translation>
    </message>
    <message>
        <source>모두 서버 것</source>
        <translation>All the server's</translation>
    </message>
    <message>
        <source>적용(&amp;A)</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>나중에</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>내 것</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>서버 것</source>
        <translation>Server's</translation>
    </message>
    <message>
        <source>선택</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>{title}: 내 것 {mine}, 서버 것 {theirs}, 선택: {choice}</source>
        <translation>{title}: mine {mine}, server's {theirs}, choice: {choice}</translation>
    </message>
    <message>
        <source>모든 항목을 골랐습니다. 적용하면 서버에 저장합니다.</source>
        <translation>Every row is chosen. Apply saves to the server.</translation>
    </message>
    <message>
        <source>저장 충돌: {line}</source>
        <translation>Save conflict: {line}</translation>
    </message>
    <message>
        <source>다른 사용자가 먼저 이 줄을 고쳤습니다 (서버 버전 {version}). 줄마다 내 것과 서버 것 중 하나를 고르세요. M: 내 것, T: 서버 것.</source>
        <translation>Someone else changed this line first (server version {version}). Choose mine or the server's for each row. M: mine, T: server's.</translation>
    </message>
    <message>
        <source>고르지 않음</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <source>아직 고르지 않은 항목 {count}개: {names}</source>
        <translation>{count} rows not chosen yet: {names}</translation>
    </message>
    <message>
        <source>{row}번째 줄</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <source>지금 값: {value}</source>
        <translation>Current value: {value}</translation>
    </message>
    <message>
        <source>공통</source>
        <translation>General</translation>
    </message>
    <message>
        <source>다음 입력란, 이전 입력란</source>
        <translation>Next field, previous field</translation>
    </message>
    <message>
        <source>메뉴 막대</source>
        <translation>Menu bar</translation>
    </message>
    <message>
        <source>메뉴 열기</source>
        <translation>Open a menu</translation>
    </message>
    <message>
        <source>Alt+메뉴의 영문자 (예: Alt+F 파일)</source>
        <translation>Alt+the menu's letter (e.g. Alt+F File)</translation>
    </message>
    <message>
        <source>입력란으로 바로 가기</source>
        <translation>Go to a field</translation>
    </message>
    <message>
        <source>Alt+레이블의 영문자</source>
        <translation>Alt+the label's letter</translation>
    </message>
    <message>
        <source>표와 목록에서 이동</source>
        <translation>Move in tables and lists</translation>
    </message>
    <message>
        <source>위/아래 화살표, Home, End, Page Up, Page Down</source>
        <translation>Up/Down arrows, Home, End, Page Up, Page Down</translation>
    </message>
    <message>
        <source>대화 상자 닫기</source>
        <translation>Close a dialog</translation>
    </message>
    <message>
        <source>메뉴와 바로 가기 키 목록입니다. 화살표로 읽고 Esc로 닫습니다. F1을 누르면 언제든 이 목록이 열립니다.</source>
        <translation>The menus and shortcut keys. Read with the arrow keys, close with Esc. F1 opens this list at any time.</translation>
    </message>
    <message>
        <source>바로 가기 키 목록(&amp;L)</source>
        <translation>Shortcut &amp;list</translation>
    </message>
    <message>
        <source>영역, 기능, 키</source>
        <translation>Area, command, keys</translation>
    </message>
    <message>
        <source>바로 가기 키와 메뉴</source>
        <translation>Shortcut keys and menus</translation>
    </message>
    <message>
        <source>영역</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>기능</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>키</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>바로 가기 키 없음</source>
        <translation>No shortcut key</translation>
    </message>
    <message>
        <source>바로 가기 키와 메뉴 — {title}</source>
        <translation>Shortcut keys and menus — {title}</translation>
    </message>
    <message>
        <source>{menu} 메뉴</source>
        <translation>{menu} menu</translation>
    </message>
    <message>
        <source>선택한 줄이 없습니다.</source>
        <translation>No line is selected.</translation>
    </message>
    <message>
        <source>상태 표시줄이 비어 있습니다.</source>
        <translation>The status bar is empty.</translation>
    </message>
    <message>
        <source>현재 줄 요약 읽기</source>
        <translation>Read the current line</translation>
    </message>
    <message>
        <source>상태 읽기</source>
        <translation>Read the status</translation>
    </message>
    <message>
        <source>다음 영역</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <source>이전 영역</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <source>예산 버전과 찾기</source>
        <translation>Budget version and search</translation>
    </message>
    <message>
        <source>고칠 곳이 있어 보내지 않았습니다. {error}</source>
        <translation>Not sent: something needs fixing. {error}</translation>
    </message>
    <message>
        <source>편성 목록</source>
        <translation>Budget lines</translation>
    </message>
    <message>
        <source>다음 영역으로 이동(&amp;W)</source>
        <translation>Next pane (&amp;W)</translation>
    </message>
    <message>
        <source>작업 목록과 화면의 영역을 차례로 옮겨 다닙니다.</source>
        <translation>Moves in turn between the task list and the panes of the page.</translation>
    </message>
    <message>
        <source>이전 영역으로 이동(&amp;M)</source>
        <translation>Previous pane (&amp;M)</translation>
    </message>
    <message>
        <source>영역을 거꾸로 옮겨 다닙니다.</source>
        <translation>Moves between the panes in reverse order.</translation>
    </message>
    <message>
        <source>상태 표시줄 읽기(&amp;B)</source>
        <translation>Read the status &amp;bar</translation>
    </message>
    <message>
        <source>연결, 사용자, 저장 상태와 화면의 상태 줄을 읽어 줍니다.</source>
        <translation>Reads the connection, user and save state and the page's status line.</translation>
    </message>
    <message>
        <source>바로 가기 키와 메뉴(&amp;K)</source>
        <translation>Shortcut &amp;keys and menus</translation>
    </message>
    <message>
        <source>호조 데스크 정보</source>
        <translation>About Hojo Desk</translation>
    </message>
    <message>
        <source>산출근거</source>
        <translation>Calculation basis</translation>
    </message>
    <message>
        <source>{percent}% 진행: {text}</source>
        <translation>{percent}% done: {text}</translation>
    </message>
    <message>
        <source>품의</source>
        <translation>Expenditure request</translation>
    </message>
    <message>
        <source>지출원인행위</source>
        <translation>Obligation</translation>
    </message>
    <message>
        <source>지출결의</source>
        <translation>Expenditure resolution</translation>
    </message>
    <message>
        <source>일상경비 교부</source>
        <translation>Petty cash advance</translation>
    </message>
    <message>
        <source>지급명령</source>
        <translation>Payment order</translation>
    </message>
    <message>
        <source>지급</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>진행</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>반려</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>보내기 대기</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>보냄</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>거절됨</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>배정액</source>
        <translation>Allotted</translation>
    </message>
    <message>
        <source>집행액</source>
        <translation>Obligated</translation>
    </message>
    <message>
        <source>배정 잔액</source>
        <translation>Allotment left</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>적요</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>원천징수</source>
        <translation>Withheld</translation>
    </message>
    <message>
        <source>실지급액</source>
        <translation>Net paid</translation>
    </message>
    <message>
        <source>작성일</source>
        <translation>Written on</translation>
    </message>
    <message>
        <source>보내기 상태</source>
        <translation>Sending state</translation>
    </message>
    <message>
        <source>시도</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>견적서</source>
        <translation>Quotation</translation>
    </message>
    <message>
        <source>세금계산서</source>
        <translation>Tax invoice</translation>
    </message>
    <message>
        <source>검수조서</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <source>계약서</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>거래명세서</source>
        <translation>Statement of transaction</translation>
    </message>
    <message>
        <source>영수증</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>강의 확인서</source>
        <translation>Lecture confirmation</translation>
    </message>
    <message>
        <source>원천징수 없음</source>
        <translation>No withholding</translation>
    </message>
    <message>
        <source>기타소득</source>
        <translation>Other income</translation>
    </message>
    <message>
        <source>사업소득</source>
        <translation>Business income</translation>
    </message>
    <message>
        <source>보낼 목록에 먼저 보관하고 서버로 보냅니다 (Ctrl+Enter)</source>
        <translation>Keeps it in the outbox first, then sends it to the server (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>문서 작성</source>
        <translation>Write a document</translation>
    </message>
    <message>
        <source>증빙 서류</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>제출(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <source>금액을 입력하면 계산합니다</source>
        <translation>Calculated once you enter the amount</translation>
    </message>
    <message>
        <source>문서 종류(&amp;K)</source>
        <translation>Document &amp;kind</translation>
    </message>
    <message>
        <source>지출결의는 재무관의 지출원인행위에 이어 씁니다. 원인행위가 없으면 품의를 올립니다</source>
        <translation>A resolution follows the finance officer's obligation. Without an obligation, submit a request</translation>
    </message>
    <message>
        <source>지출원인행위(&amp;O)</source>
        <translation>&amp;Obligation</translation>
    </message>
    <message>
        <source>이 예산의 진행 중인 지출원인행위와 남은 금액</source>
        <translation>Active obligations of this line and what is left of them</translation>
    </message>
    <message>
        <source>적요(&amp;X)</source>
        <translation>Description (&amp;X)</translation>
    </message>
    <message>
        <source>예: 3월 강사료</source>
        <translation>e.g. March lecture fee</translation>
    </message>
    <message>
        <source>금액(&amp;M)</source>
        <translation>A&amp;mount</translation>
    </message>
    <message>
        <source>원 단위 숫자. 천 단위 쉼표는 저절로 붙습니다</source>
        <translation>Digits in won; thousands separators are added for you</translation>
    </message>
    <message>
        <source>소득 구분(&amp;I)</source>
        <translation>&amp;Income type</translation>
    </message>
    <message>
        <source>기타소득 8.8%, 사업소득 3.3%를 원천징수합니다</source>
        <translation>Withholds 8.8% on other income, 3.3% on business income</translation>
    </message>
    <message>
        <source>원천징수와 실지급액</source>
        <translation>Withholding and net</translation>
    </message>
    <message>
        <source>금액과 소득 구분으로 계산됩니다</source>
        <translation>Calculated from the amount and the income type</translation>
    </message>
    <message>
        <source>갖춘 증빙이면 체크합니다</source>
        <translation>Check it when you have this evidence</translation>
    </message>
    <message>
        <source>선택 사항</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>진행 중인 지출원인행위가 없습니다</source>
        <translation>No active obligation</translation>
    </message>
    <message>
        <source>먼저 예산 목록에서 예산을 고르세요</source>
        <translation>First pick a budget line in the list</translation>
    </message>
    <message>
        <source>이 예산에는 진행 중인 지출원인행위가 없어 지출결의를 쓸 수 없습니다. 품의를 올려 재무관의 지출원인행위를 받으세요.</source>
        <translation>This line has no active obligation, so no resolution can be written. Submit a request and get the finance officer's obligation.</translation>
    </message>
    <message>
        <source>{document} 첨부 파일 경로</source>
        <translation>{document} attached file path</translation>
    </message>
    <message>
        <source>{title} 남은 금액 {left}</source>
        <translation>{title}, {left} left</translation>
    </message>
    <message>
        <source>지급액 {gross}, 원천징수 {withheld} (소득세 {income_tax}, 지방소득세 {local_tax}), 실지급액 {net}</source>
        <translation>Gross {gross}, withheld {withheld} (income tax {income_tax}, local income tax {local_tax}), net {net}</translation>
    </message>
    <message>
        <source>금액을 원 단위 숫자로 입력하세요</source>
        <translation>Enter the amount in won, as digits</translation>
    </message>
    <message>
        <source>제목 없음</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>원천징수가 있는 지급에는 채주가 필요합니다. 채주를 고르세요</source>
        <translation>A payment with withholding needs a payee. Pick a payee</translation>
    </message>
    <message>
        <source>내 문서</source>
        <translation>My documents</translation>
    </message>
    <message>
        <source>모든 종류</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>문서 종류 거르기(&amp;D)</source>
        <translation>Filter by &amp;document kind</translation>
    </message>
    <message>
        <source>상태 거르기(&amp;S)</source>
        <translation>Filter by &amp;state</translation>
    </message>
    <message>
        <source>상태 거르기</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <source>새로 고침(&amp;G)</source>
        <translation>Refresh (&amp;G)</translation>
    </message>
    <message>
        <source>내 문서를 다시 불러옵니다</source>
        <translation>Loads my documents again</translation>
    </message>
    <message>
        <source>내 문서 목록(&amp;U)</source>
        <translation>My doc&amp;uments</translation>
    </message>
    <message>
        <source>내가 쓴 품의와 지출결의, 금액과 상태</source>
        <translation>Requests and resolutions I wrote, with amounts and states</translation>
    </message>
    <message>
        <source>보낼 문서(&amp;Q)</source>
        <translation>Outbox (&amp;Q)</translation>
    </message>
    <message>
        <source>이 PC에서 제출한 문서와 보내기 상태</source>
        <translation>Documents submitted on this PC and their sending state</translation>
    </message>
    <message>
        <source>지금 보내기(&amp;Z)</source>
        <translation>Send now (&amp;Z)</translation>
    </message>
    <message>
        <source>보내기 대기 중인 문서를 서버로 보냅니다</source>
        <translation>Sends the waiting documents to the server</translation>
    </message>
    <message>
        <source>내 문서 {count}건</source>
        <translation>{count} documents of mine</translation>
    </message>
    <message>
        <source>보내기 대기 {waiting}건, 모두 {count}건</source>
        <translation>{waiting} waiting to send, {count} in all</translation>
    </message>
    <message>
        <source>지출</source>
        <translation>Expenditure</translation>
    </message>
    <message>
        <source>예산을 골라 품의와 지출결의를 쓰고 보냅니다</source>
        <translation>Pick a budget line, write requests and resolutions and send them</translation>
    </message>
    <message>
        <source>제출</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>지출: 성립된 예산이 없습니다</source>
        <translation>Expenditure: no established budget</translation>
    </message>
    <message>
        <source>서버가 거절했습니다: {reason}</source>
        <translation>The server refused: {reason}</translation>
    </message>
    <message>
        <source>{kind}을(를) 보관하고 보내는 중…</source>
        <translation>Keeping and sending the {kind}…</translation>
    </message>
    <message>
        <source>보낼 문서 {sent}건을 보냈습니다</source>
        <translation>Sent {sent} waiting documents</translation>
    </message>
    <message>
        <source>아직 서버에 연결할 수 없습니다. 보낼 문서는 이 PC에 보관되어 있습니다.</source>
        <translation>The server still cannot be reached. The waiting documents are kept on this PC.</translation>
    </message>
    <message>
        <source>지출: {year}년 {kind}</source>
        <translation>Expenditure: {year} {kind}</translation>
    </message>
    <message>
        <source>집행할 수 있는 예산 {count}줄</source>
        <translation>{count} budget lines to execute</translation>
    </message>
    <message>
        <source>{kind}을(를) 보냈습니다: {amount}</source>
        <translation>Sent the {kind}: {amount}</translation>
    </message>
    <message>
        <source>서버에 연결할 수 없어 {kind}을(를) 보낼 문서에 보관했습니다. 연결되면 한 번만 보냅니다.</source>
        <translation>The server cannot be reached, so the {kind} is kept in the outbox. It will be sent once when the connection is back.</translation>
    </message>
    <message>
        <source>{failed}건은 거절되었습니다: {reason}</source>
        <translation>{failed} were refused: {reason}</translation>
    </message>
    <message>
        <source>{program} {object}: 배정 {allotted}, 집행 {used}, 배정 잔액 {left}</source>
        <translation>{program} {object}: allotted {allotted}, obligated {used}, allotment left {left}</translation>
    </message>
    <message>
        <source>예산 찾기</source>
        <translation>Find the budget line</translation>
    </message>
    <message>
        <source>예산 찾기(&amp;J)</source>
        <translation>Find the budget line (&amp;J)</translation>
    </message>
    <message>
        <source>세부사업이나 통계목 이름의 일부</source>
        <translation>Part of the program or object name</translation>
    </message>
    <message>
        <source>예산 목록(&amp;L)</source>
        <translation>Budget &amp;lines</translation>
    </message>
    <message>
        <source>배정액, 집행액, 배정 잔액</source>
        <translation>Allotted, obligated, allotment left</translation>
    </message>
    <message>
        <source>찾는 예산이 없습니다</source>
        <translation>No budget line matches</translation>
    </message>
    <message>
        <source>예산 {count}줄</source>
        <translation>{count} budget lines</translation>
    </message>
    <message>
        <source>채주</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>채주 찾기(&amp;P)</source>
        <translation>Find a &amp;payee</translation>
    </message>
    <message>
        <source>상호나 이름, 사업자등록번호. Enter로 찾습니다</source>
        <translation>Business or person name, or business registration number. Enter searches</translation>
    </message>
    <message>
        <source>찾은 채주(&amp;Y)</source>
        <translation>Pa&amp;yees found</translation>
    </message>
    <message>
        <source>고른 채주가 이 문서의 채주가 됩니다</source>
        <translation>The payee picked here is the payee of this document</translation>
    </message>
    <message>
        <source>채주를 고르지 않았습니다</source>
        <translation>No payee picked</translation>
    </message>
    <message>
        <source>새 채주</source>
        <translation>New payee</translation>
    </message>
    <message>
        <source>채주 추가(&amp;A)</source>
        <translation>&amp;Add payee</translation>
    </message>
    <message>
        <source>새 채주를 등록하고 고릅니다</source>
        <translation>Registers the new payee and picks it</translation>
    </message>
    <message>
        <source>올바른 사업자등록번호입니다: {number}</source>
        <translation>Valid business registration number: {number}</translation>
    </message>
    <message>
        <source>상호 또는 성명(&amp;N)</source>
        <translation>Business or person &amp;name</translation>
    </message>
    <message>
        <source>사업자등록번호(&amp;B)</source>
        <translation>&amp;Business registration number</translation>
    </message>
    <message>
        <source>예: 124-81-00998. 입력하는 동안 검증번호를 확인합니다</source>
        <translation>e.g. 124-81-00998. The check digit is checked as you type</translation>
    </message>
    <message>
        <source>주민등록번호</source>
        <translation>Resident registration number</translation>
    </message>
    <message>
        <source>개인에게 지급할 때만. 서버에 암호화해 두고 가려서 보여 줍니다</source>
        <translation>Only when paying a person. Kept encrypted on the server and shown masked</translation>
    </message>
    <message>
        <source>은행</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>계좌번호(&amp;C)</source>
        <translation>A&amp;ccount number</translation>
    </message>
    <message>
        <source>등록한 뒤에는 끝 네 자리만 보입니다</source>
        <translation>Once registered, only the last four digits are shown</translation>
    </message>
    <message>
        <source>예금주</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>상호 또는 성명을 입력하세요</source>
        <translation>Enter the business or person name</translation>
    </message>
    <message>
        <source>사업자등록번호는 숫자 10자리입니다: 지금 {count}자리</source>
        <translation>A business registration number has 10 digits: {count} so far</translation>
    </message>
    <message>
        <source>사업자등록번호 {number}의 검증번호가 맞지 않습니다</source>
        <translation>The check digit of business registration number {number} is wrong</translation>
    </message>
    <message>
        <source>채주 {count}명을 찾았습니다</source>
        <translation>Found {count} payees</translation>
    </message>
    <message>
        <source>채주를 등록했습니다: {payee}</source>
        <translation>Registered the payee: {payee}</translation>
    </message>
    <message>
        <source>채주: {payee}</source>
        <translation>Payee: {payee}</translation>
    </message>
    <message>
        <source>사업자등록번호나 주민등록번호 중 하나가 필요합니다</source>
        <translation>A business or a resident registration number is needed</translation>
    </message>
    <message>
        <source>PDF는 인쇄용입니다. 화면 읽기 프로그램으로 읽고 고치려면 같은 내용을 XLSX나 CSV로 만드십시오: 표의 행과 열을 그대로 읽을 수 있습니다.</source>
        <translation>PDF is for printing. To read and edit with a screen reader, make the same report as XLSX or CSV: its rows and columns read as they are.</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>예산서와 세부사업설명서를 PDF, XLSX, CSV로 만들고 엑셀 파일을 가져옵니다.</source>
        <translation>Makes budget books and project sheets as PDF, XLSX or CSV, and imports Excel files.</translation>
    </message>
    <message>
        <source>세출 예산서</source>
        <translation>Expenditure budget book</translation>
    </message>
    <message>
        <source>세입 예산서</source>
        <translation>Revenue budget book</translation>
    </message>
    <message>
        <source>세부사업설명서</source>
        <translation>Project sheets</translation>
    </message>
    <message>
        <source>PDF (인쇄용)</source>
        <translation>PDF (for printing)</translation>
    </message>
    <message>
        <source>Excel XLSX</source>
        <translation>Excel XLSX</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>형식</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>저장할 파일</source>
        <translation>Save to file</translation>
    </message>
    <message>
        <source>만든 보고서를 저장할 경로</source>
        <translation>Where the report is saved</translation>
    </message>
    <message>
        <source>만들기</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>파일 열기</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>보고서 진행률</source>
        <translation>Report progress</translation>
    </message>
    <message>
        <source>가져올 엑셀 파일</source>
        <translation>Excel file to import</translation>
    </message>
    <message>
        <source>합본예산서 형식의 XLSX 또는 CSV 파일 경로</source>
        <translation>Path of an XLSX or CSV file in the combined budget book layout</translation>
    </message>
    <message>
        <source>미리 보기</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>가져오기 미리 보기</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>보고서를 만드는 중입니다…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>보고서 만들기를 취소했습니다.</source>
        <translation>The report was cancelled.</translation>
    </message>
    <message>
        <source>파일을 읽고 비교하는 중입니다…</source>
        <translation>Reading and comparing the file…</translation>
    </message>
    <message>
        <source>예산 버전과 파일을 고르십시오.</source>
        <translation>Choose a budget version and a file.</translation>
    </message>
    <message>
        <source>예산 버전과 가져올 파일을 고르십시오.</source>
        <translation>Choose a budget version and the file to import.</translation>
    </message>
    <message>
        <source>추가 {added}, 변경 {changed}, 삭제 {removed}, 읽을 수 없는 행 {bad}</source>
        <translation>{added} added, {changed} changed, {removed} removed, {bad} unreadable rows</translation>
    </message>
    <message>
        <source>보고서를 만들었습니다: {file}</source>
        <translation>The report is ready: {file}</translation>
    </message>
    <message>
        <source>{row}행을 읽을 수 없습니다: {reason}</source>
        <translation>Row {row} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>파일 위치: {path}</source>
        <translation>File location: {path}</translation>
    </message>
    <message>
        <source>조정·의결</source>
        <translation>Adjustment and resolution</translation>
    </message>
    <message>
        <source>세부사업, 통계목 코드와 이름, 회계, 부서로 찾습니다. 여러 낱말은 모두 맞는 줄만.</source>
        <translation>Searches 세부사업 (programs), 통계목 code and name, account and department. With several words, only lines matching all of them.</translation>
    </message>
    <message>
        <source>선택한 항목이 찾기 결과에 없어 선택을 해제했습니다.</source>
        <translation>The selected line is not among the search results, so it is no longer selected.</translation>
    </message>
    <message>
        <source>선택한 줄이 찾기 결과에 없어 선택을 해제했습니다.</source>
        <translation>The selected line is not among the search results, so it is no longer selected.</translation>
    </message>
    <message>
        <source>선택한 예산이 찾기 결과에 없어 선택을 해제했습니다.</source>
        <translation>The selected budget line is not among the search results, so it is no longer selected.</translation>
    </message>
    <message>
        <source>회계, 통계목 코드나 이름, 재원의 일부</source>
        <translation>Part of the account, the 통계목 code or name, or the funding source</translation>
    </message>
    <message>
        <source>문제 신고/진단(&amp;D)…</source>
        <translation>Report a problem / diagnostics (&amp;D)…</translation>
    </message>
    <message>
        <source>담당자에게 보낼 진단 자료를 파일로 만듭니다 (비밀번호·토큰 제외).</source>
        <translation>Writes a diagnostics file to send to the help desk (without passwords or tokens).</translation>
    </message>
    <message>
        <source>진단 자료를 만들었습니다. 이 파일을 담당자에게 보내 주세요:
{path}</source>
        <translation>The diagnostics file is ready. Please send this file to the help desk:
{path}</translation>
    </message>
    <message>
        <source>문제 신고/진단</source>
        <translation>Report a problem / diagnostics</translation>
    </message>
    <message>
        <source>진단 자료를 만들지 못했습니다: {error}</source>
        <translation>The diagnostics file could not be written: {error}</translation>
    </message>
    <message>
        <source>문서 찾기</source>
        <translation>Find documents</translation>
    </message>
    <message>
        <source>문서 찾기(&amp;D)</source>
        <translation>Find &amp;documents</translation>
    </message>
    <message>
        <source>적요, 예산 또는 작성자의 일부</source>
        <translation>Part of the description, budget line or author</translation>
    </message>
    <message>
        <source>처리할 문서를 다시 불러옵니다</source>
        <translation>Loads the documents to process again</translation>
    </message>
    <message>
        <source>처리할 문서</source>
        <translation>Documents to process</translation>
    </message>
    <message>
        <source>처리할 문서 목록(&amp;L)</source>
        <translation>&amp;List of documents to process</translation>
    </message>
    <message>
        <source>종류, 예산, 적요, 금액, 남은 금액, 작성자, 상태</source>
        <translation>Type, budget line, description, amount, amount left, author, state</translation>
    </message>
    <message>
        <source>처리</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>원인행위 금액(&amp;M)</source>
        <translation>Obligation a&amp;mount</translation>
    </message>
    <message>
        <source>원 단위, 품의의 남은 금액과 배정 잔액 이하</source>
        <translation>In won, at most what is left of the request and the allotment balance</translation>
    </message>
    <message>
        <source>반려·취소 사유(&amp;A)</source>
        <translation>Re&amp;ason for return or cancellation</translation>
    </message>
    <message>
        <source>반려하거나 취소할 때 꼭 적습니다</source>
        <translation>Required to return or cancel</translation>
    </message>
    <message>
        <source>반려(&amp;B)</source>
        <translation>Return (&amp;B)</translation>
    </message>
    <message>
        <source>사유를 적어 되돌려 보냅니다</source>
        <translation>Sends it back with the reason</translation>
    </message>
    <message>
        <source>취소(&amp;C)</source>
        <translation>&amp;Cancel document</translation>
    </message>
    <message>
        <source>사유를 적어 취소합니다</source>
        <translation>Cancels it with the reason</translation>
    </message>
    <message>
        <source>처리할 문서 {count}건</source>
        <translation>{count} documents to process</translation>
    </message>
    <message>
        <source>보내기 대기 중인 처리 {count}건을 보냅니다</source>
        <translation>Sending {count} waiting actions</translation>
    </message>
    <message>
        <source>처리할 문서가 없습니다</source>
        <translation>No documents to process</translation>
    </message>
    <message>
        <source>{kind} {title}: 금액 {amount}, 남은 금액 {left}, 작성자 {author}, 상태 {state}</source>
        <translation>{kind} {title}: amount {amount}, left {left}, author {author}, state {state}</translation>
    </message>
    <message>
        <source>{line}: 배정 {allotted}, 배정 잔액 {left}</source>
        <translation>{line}: allotted {allotted}, allotment balance {left}</translation>
    </message>
    <message>
        <source>사유: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>품의의 남은 금액 {left}보다 큽니다</source>
        <translation>More than what is left of the request, {left}</translation>
    </message>
    <message>
        <source>{kind}을(를) 했습니다: {title} {amount}</source>
        <translation>{kind} done: {title} {amount}</translation>
    </message>
    <message>
        <source>{action} 사유를 적으세요</source>
        <translation>Enter the reason for {action}</translation>
    </message>
    <message>
        <source>{kind} {title}을(를) {action}했습니다. {amount}이(가) 풀렸습니다</source>
        <translation>{kind} {title}: {action} done. {amount} released</translation>
    </message>
    <message>
        <source>{action}을(를) 보관하고 보내는 중…</source>
        <translation>Storing and sending {action}…</translation>
    </message>
    <message>
        <source>서버에 연결할 수 없어 {action}을(를) 보낼 문서에 보관했습니다. 연결되면 한 번만 보냅니다.</source>
        <translation>The server cannot be reached, so {action} was kept in the outbox. It will be sent once when connected.</translation>
    </message>
    <message>
        <source>지출원인행위 처리</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <source>품의를 보고 지출원인행위를 하거나 반려합니다</source>
        <translation>Review requests and make obligations or return them</translation>
    </message>
    <message>
        <source>지급 처리</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>지출결의를 보고 지급명령과 지급을 하거나 반려합니다</source>
        <translation>Review resolutions, order and make payments or return them</translation>
    </message>
    <message>
        <source>지급명령(&amp;P)</source>
        <translation>&amp;Payment order</translation>
    </message>
    <message>
        <source>지급(&amp;Y)</source>
        <translation>Pa&amp;y</translation>
    </message>
    <message>
        <source>예산</source>
        <translation>Budget line</translation>
    </message>
    <message>
        <source>남은 금액</source>
        <translation>Amount left</translation>
    </message>
    <message>
        <source>작성자</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>지출결의서</source>
        <translation>Expenditure resolution form</translation>
    </message>
    <message>
        <source>예산서와 세부사업설명서를 PDF, XLSX, CSV로, 지출결의서를 PDF로 만들고 엑셀 파일을 가져옵니다.</source>
        <translation>Makes budget books and project sheets as PDF, XLSX and CSV, expenditure resolution forms as PDF, and imports Excel files.</translation>
    </message>
    <message>
        <source>지출결의 문서</source>
        <translation>Expenditure resolutions</translation>
    </message>
    <message>
        <source>지출결의서로 만들 문서를 체크하십시오 (스페이스 키). 한 문서가 한 쪽입니다.</source>
        <translation>Check the documents to print as resolution forms (Space key). One page per document.</translation>
    </message>
    <message>
        <source>{title} {amount}원 ({state}, {date})</source>
        <translation>{title} KRW {amount} ({state}, {date})</translation>
    </message>
    <message>
        <source>지출결의 문서 {count}건</source>
        <translation>{count} expenditure resolutions</translation>
    </message>
    <message>
        <source>지출결의서로 만들 문서를 하나 이상 체크하고 파일을 고르십시오.</source>
        <translation>Check at least one document for the resolution form and choose a file.</translation>
    </message>
    <message>
        <source>사업목적</source>
        <translation>Project purpose</translation>
    </message>
    <message>
        <source>사업목적(&amp;U)</source>
        <translation>P&amp;urpose</translation>
    </message>
    <message>
        <source>세부사업설명서에 인쇄되는 사업목적입니다. 2,000자까지 적을 수 있습니다.</source>
        <translation>The purpose printed on the project sheet. Up to 2,000 characters.</translation>
    </message>
    <message>
        <source>사업목적 저장</source>
        <translation>Save purpose</translation>
    </message>
    <message>
        <source>고친 사업목적을 서버에 저장합니다.</source>
        <translation>Saves the edited purpose on the server.</translation>
    </message>
    <message>
        <source>세부사업을 고르면 사업목적을 보고 고칠 수 있습니다.</source>
        <translation>Choose a detailed project to read and edit its purpose.</translation>
    </message>
    <message>
        <source>사업목적이 아직 없습니다.</source>
        <translation>No purpose has been written yet.</translation>
    </message>
    <message>
        <source>사업목적을 저장하는 중입니다…</source>
        <translation>Saving the purpose…</translation>
    </message>
    <message>
        <source>사업목적이 바뀌지 않았습니다.</source>
        <translation>The purpose has not changed.</translation>
    </message>
    <message>
        <source>'{name}'의 사업목적을 저장했습니다.</source>
        <translation>Saved the purpose of '{name}'.</translation>
    </message>
    <message>
        <source>사업목적을 저장하지 못했습니다: {reason}</source>
        <translation>Could not save the purpose: {reason}</translation>
    </message>
    <message>
        <source>사업목적이 너무 깁니다: {count}자입니다. {limit}자 이내로 줄이십시오.</source>
        <translation>The purpose is too long: {count} characters. Shorten it to {limit} characters or fewer.</translation>
    </message>
    <message>
        <source>사업목적은 세부사업에만 적습니다.</source>
        <translation>Only detailed projects have a purpose.</translation>
    </message>
    <message>
        <source>사업목적은 사업 부서의 담당자와 예산부서만 고칠 수 있습니다.</source>
        <translation>Only the project's department staff and the budget office can edit the purpose.</translation>
    </message>
    <message>
        <source>다른 부서의 세부사업이라 사업목적을 고칠 수 없습니다.</source>
        <translation>This detailed project belongs to another department, so its purpose cannot be edited.</translation>
    </message>
    <message>
        <source>작성중인 예산 버전에서만 사업목적을 고칠 수 있습니다.</source>
        <translation>The purpose can be edited only in a budget version being drafted.</translation>
    </message>
    <message>
        <source>이 세부사업은 '{state}' 상태라 사업목적을 고칠 수 없습니다.</source>
        <translation>This detailed project is '{state}', so its purpose cannot be edited.</translation>
    </message>
    <message>
        <source>{title}: 요구액 {amount} (편집 중, 서버에 저장 전), 기정액 {base}, 증감 {change}, 재원 {funding}. {check}. 상태 {state}, 임시 저장</source>
        <translation>{title}: requested {amount} (being edited, not yet on the server), base {base}, change {change}, funding {funding}. {check}. State {state}, draft saved</translation>
    </message>
    <message>
        <source>작업 화면</source>
        <translation>Work area</translation>
    </message>
    <message>
        <source>가져오기 적용</source>
        <translation>Apply import</translation>
    </message>
    <message>
        <source>작성중인 버전에서 내가 고칠 수 있는 줄만 바꿉니다. 바뀐 세출 줄은 임시 저장하고(서버에는 예산편성 화면에서 보냅니다), 파일에서 빠진 줄은 서버에서 삭제하며, 세입은 서버에 바로 반영합니다.</source>
        <translation>Changes only the lines you may edit, in a version being drafted. Changed expenditure lines are kept as drafts (sent to the server from the Budget drafting page), lines missing from the file are deleted on the server, and revenue is written to the server at once.</translation>
    </message>
    <message>
        <source>적용하지 않음: {change}</source>
        <translation>Not applied: {change}</translation>
    </message>
    <message>
        <source>임시 저장 {saved}줄, 서버에 반영 {written}줄, 삭제 {deleted}줄, 적용하지 않은 줄 {skipped}개</source>
        <translation>{saved} lines kept as drafts, {written} written to the server, {deleted} deleted, {skipped} not applied</translation>
    </message>
    <message>
        <source>채주 등록</source>
        <translation>Payee registration</translation>
    </message>
    <message>
        <source>서버가 채주 등록을 거절했습니다: {reason}</source>
        <translation>The server refused the payee registration: {reason}</translation>
    </message>
    <message>
        <source>채주: {payee} (보내기 대기)</source>
        <translation>Payee: {payee} (waiting to be sent)</translation>
    </message>
    <message>
        <source>서버에 연결할 수 없어 채주 등록을 보낼 문서에 보관했습니다: {payee}. 이 채주로 문서를 쓸 수 있고, 연결되면 채주가 먼저 한 번만 보내집니다.</source>
        <translation>The server cannot be reached, so the payee registration was kept in the items to send: {payee}. You can write documents for this payee; when connected, the payee is sent first, once.</translation>
    </message>
    <message>
        <source>서버에 연결할 수 없어 채주를 등록하지 않았습니다. 주민등록번호가 있는 채주는 이 PC에 보관하지 않으므로 연결된 뒤 채주 추가를 다시 누르세요. 입력한 내용은 그대로 있습니다.</source>
        <translation>The server cannot be reached, so the payee was not registered. A payee with a resident registration number is never kept on this PC: press Add payee again once connected. What you typed is still there.</translation>
    </message>
    <message>
        <source>보낼 처리 {sent}건을 보냈습니다</source>
        <translation>Sent {sent} waiting actions</translation>
    </message>
    <message>
        <source>처리가 보내기 대기 중입니다 (서버에 연결되면 보냅니다)</source>
        <translation>An action on it is waiting to be sent (sent when the server can be reached)</translation>
    </message>
    <message>
        <source>자동(운영체제 설정을 따름)</source>
        <translation>Automatic (follow the operating system)</translation>
    </message>
    <message>
        <source>켬</source>
        <translation>On</translation>
    </message>
    <message>
        <source>끔</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>서버가 이미 처리하고 있어 취소할 수 없습니다. 끝나면 알려 드립니다.</source>
        <translation>The server is already doing this, so it cannot be cancelled. You will be told when it ends.</translation>
    </message>
    <message>
        <source>{what}을(를) 취소했습니다.</source>
        <translation>{what}: cancelled.</translation>
    </message>
</context>
</TS>
